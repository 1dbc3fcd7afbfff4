// Asked when a save would go over a blocking cap on 好: the office may allow it with a stated reason,
// which is recorded (cap_override) and audited; cancelling leaves the value unsaved.
import { useEffect, useState } from 'react';
import { Alert, Input, Modal } from 'antd';
import type { OverrideRequest } from './useGridEditor';
import { useT } from '../../i18n/language';

export function OverrideDialog({ request }: { request: OverrideRequest | null }) {
  const t = useT();
  const [reason, setReason] = useState('');
  useEffect(() => setReason(''), [request]);
  const valid = reason.trim().length >= 2;
  return (
    <Modal
      open={request !== null}
      title={t('override.title')}
      okText={t('override.ok')}
      cancelText={t('override.cancel')}
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
        placeholder={t('override.placeholder')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        aria-label={t('override.aria')}
      />
    </Modal>
  );
}
