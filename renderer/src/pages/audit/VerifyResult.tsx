// The result of 校验审计链: green with the head hash, or red naming the first broken entry.
import { Alert, Typography } from 'antd';
import type { OutputOf } from '@shared/api';
import { useT } from '../../i18n/language';

export function VerifyResult({ result }: { result: OutputOf<'audit.verify'> }) {
  const t = useT();
  return result.ok ? (
    <Alert
      type="success"
      showIcon
      role="status"
      message={t('audit.verifyOk', { n: result.count })}
      description={
        <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 12 }}>
          {t('audit.head', { hash: result.head })}
        </Typography.Text>
      }
    />
  ) : (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={t('audit.verifyFailed', { problem: result.problem ?? '' })}
      description={`${t('audit.firstBroken', { seq: result.brokenSeq ?? '?' })} ${t(result.acknowledged ? 'audit.acknowledged' : 'audit.toAcknowledge')}`}
    />
  );
}
