// When the audit chain was found broken on open: the administrator may acknowledge it with a reason
// (recorded in the log) so that data entry can resume; restoring a sound backup is the other way out.
import { Alert, Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useAction } from '../../hooks/useApi';
import { useAuth } from '../../components/auth/auth-context';

export function AuditBreak() {
  const auth = useAuth();
  const run = useAction();
  const [reason, setReason] = useState('');
  if (!auth?.status.auditWarning) return null;
  const brokenSeq = Number(/第 (\d+) 条/.exec(auth.status.auditWarning)?.[1] ?? 0);
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      message="审计日志校验未通过"
      description={
        <Space direction="vertical" style={{ width: '100%' }}>
          <span>{auth.status.auditWarning}</span>
          <span>
            建议先从断裂之前的备份恢复。若已查明原因，可填写说明后确认，数据录入即可继续（确认本身记入审计日志，警告仍会显示）。
          </span>
          <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
            <Input
              placeholder="查明的原因（至少 4 个字）"
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
            />
            <Button
              danger
              disabled={reason.trim().length < 4 || !brokenSeq}
              onClick={async () => {
                if (await run('audit.acknowledgeBreak', { brokenSeq, reason: reason.trim() }, '已确认')) {
                  await auth.refresh();
                }
              }}
            >
              确认并继续
            </Button>
          </Space.Compact>
        </Space>
      }
    />
  );
}
