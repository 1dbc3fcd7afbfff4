// When the audit chain was found broken on open: the administrator may acknowledge it with a reason
// (recorded in the log) so that data entry can resume; restoring a sound backup is the other way out.
import { Alert, Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useAction } from '../../hooks/useApi';
import { useAuth } from '../../components/auth/auth-context';
import { useT } from '../../i18n/language';

export function AuditBreak() {
  const auth = useAuth();
  const run = useAction();
  const t = useT();
  const [reason, setReason] = useState('');
  if (!auth?.status.auditWarning) return null;
  const brokenSeq = auth.status.auditBrokenSeq ?? 0;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      message={t('break.title')}
      description={
        <Space direction="vertical" style={{ width: '100%' }}>
          <span>{auth.status.auditWarning}</span>
          <span>{t('break.advice')}</span>
          <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
            <Input
              placeholder={t('break.reason')}
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
            />
            <Button
              danger
              disabled={reason.trim().length < 4 || !brokenSeq}
              onClick={async () => {
                if (await run('audit.acknowledgeBreak', { brokenSeq, reason: reason.trim() }, t('break.done'))) {
                  await auth.refresh();
                }
              }}
            >
              {t('break.confirm')}
            </Button>
          </Space.Compact>
        </Space>
      }
    />
  );
}
