// The result of 校验审计链: green with the head hash, or red naming the first broken entry.
import { Alert, Typography } from 'antd';
import type { OutputOf } from '@shared/api';

export function VerifyResult({ result }: { result: OutputOf<'audit.verify'> }) {
  return result.ok ? (
    <Alert
      type="success"
      showIcon
      role="status"
      message={`审计链完整：共 ${result.count} 条记录，未发现修改或删除。`}
      description={
        <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 12 }}>
          {`链头哈希 ${result.head}`}
        </Typography.Text>
      }
    />
  ) : (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={`审计链校验未通过：${result.problem ?? ''}`}
      description={`第一条有问题的记录：第 ${result.brokenSeq ?? '?'} 条。${result.acknowledged ? '系统管理员已确认此问题。' : '请系统管理员从备份恢复，或在“系统管理”中确认。'}`}
    />
  );
}
