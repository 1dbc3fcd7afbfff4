// 作废: a confirm dialog that asks why. The record stays (struck through) and the rules ignore it.
import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import type { EvidenceView } from '@shared/api/evidence';
import { ApiError, call } from '../../api/client';

export function VoidDialog({
  item,
  onClose,
  onVoided,
}: {
  item: EvidenceView | null;
  onClose(): void;
  onVoided(v: EvidenceView): void;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setReason('');
    setError(null);
  }, [item]);

  const confirm = async () => {
    if (!item) return;
    if (!reason.trim()) {
      setError('请填写作废原因');
      return;
    }
    setBusy(true);
    try {
      onVoided(await call('evidence.void', { id: item.id, reason: reason.trim() }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={item !== null}
      title="作废事件"
      okText="确认作废"
      okButtonProps={{ danger: true, loading: busy }}
      cancelText="取消"
      onOk={() => void confirm()}
      onCancel={onClose}
      destroyOnHidden
    >
      {item ? (
        <Typography.Paragraph>
          将作废 <b>{item.personName}</b> 于 {item.date} 的“{item.subKind}
          ”。作废后记录仍保留并显示为删除线，年终考核不再采用。
        </Typography.Paragraph>
      ) : null}
      <Form layout="vertical">
        <Form.Item label="作废原因" required validateStatus={error ? 'error' : undefined} help={error ?? undefined}>
          <Input.TextArea
            rows={3}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-label="作废原因"
            placeholder="如：重复录入、人员选错"
          />
        </Form.Item>
      </Form>
      {error && error !== '请填写作废原因' ? <Alert type="error" showIcon message={error} /> : null}
    </Modal>
  );
}
