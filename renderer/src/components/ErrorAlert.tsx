// Shows an error value: the Chinese message, and the named fields or cells when the error has them.
import { Alert } from 'antd';
import type { ApiError } from '../api/client';
import { useT } from '../i18n/language';

interface FieldIssue {
  field: string;
  message: string;
}

export function ErrorAlert({ error, onRetry }: { error: ApiError | null; onRetry?: () => void }) {
  const t = useT();
  if (!error) return null;
  const issues = (error.error.details as { issues?: FieldIssue[] } | undefined)?.issues;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={error.message}
      description={
        Array.isArray(issues) && issues.length > 0 ? (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {issues.slice(0, 10).map((i, k) => (
              <li key={k}>{t('error.issue', { field: i.field, message: i.message })}</li>
            ))}
          </ul>
        ) : undefined
      }
      action={onRetry ? <a onClick={onRetry}>{t('error.retry')}</a> : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}
