// Asked when a save would go over a blocking cap on 好: the office may allow it with a stated reason,
// which is recorded (cap_override) and audited; cancelling leaves the value unsaved.
import { useEffect, useState } from 'react';
import { Alert, Input, Modal } from 'antd';
import type { OverrideRequest } from './useGridEditor';

export function OverrideDialog({ request }: { request: OverrideRequest | null }) {
  const [reason, setReason] = useState('');
  useEffect(() => setReason(''), [request]);
  const valid = reason.trim().length >= 2;
  return (
    <Modal
      open={request !== null}
      title="超出“好”等次比例上限"
      okText="确认突破并保存"
      cancelText="取消，不保存"
      okButtonProps={{ disabled: !valid, danger: true }}
      onOk={() => request?.resolve(reason.trim())}
      onCancel={() => request?.resolve(null)}
      destroyOnHidden
    >
      <Alert type="error" showIcon message={request?.message} style={{ marginBottom: 12 }} />
      <Input.TextArea
        autoFocus
        rows={3}
        maxLength={500}
        placeholder="请写明突破上限的理由（如：经考核办同意，该同志本季度牵头完成重点任务）"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        aria-label="突破理由"
      />
    </Modal>
  );
}
