// Shows an error value: the Chinese message, and the named fields or cells when the error has them.
import { Alert } from 'antd';
import type { ApiError } from '../api/client';

interface FieldIssue {
  field: string;
  message: string;
}

export function ErrorAlert({ error, onRetry }: { error: ApiError | null; onRetry?: () => void }) {
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
              <li key={k}>
                {i.field}：{i.message}
              </li>
            ))}
          </ul>
        ) : undefined
      }
      action={onRetry ? <a onClick={onRetry}>重试</a> : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}
