// 作废: a confirm dialog that asks why. The record stays (struck through) and the rules ignore it.
import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import type { EvidenceView } from '@shared/api/evidence';
import { ApiError, call } from '../../api/client';
import { useT } from '../../i18n/language';
import { EVIDENCE_FIELDS } from '@shared/domain/fields';

export function VoidDialog({
  item,
  onClose,
  onVoided,
}: {
  item: EvidenceView | null;
  onClose(): void;
  onVoided(v: EvidenceView): void;
}) {
  const t = useT();
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
      setError(t('void.reasonRequired'));
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
      title={t('void.title')}
      okText={t('void.ok')}
      okButtonProps={{ danger: true, loading: busy }}
      cancelText={t('void.cancel')}
      onOk={() => void confirm()}
      onCancel={onClose}
      destroyOnHidden
    >
      {item ? (
        <Typography.Paragraph>
          {t('void.what', { name: item.personName, date: item.date, subKind: item.subKind })}
        </Typography.Paragraph>
      ) : null}
      <Form layout="vertical">
        <Form.Item
          label={t('void.reason')}
          required
          validateStatus={error ? 'error' : undefined}
          help={error ?? undefined}
        >
          <Input.TextArea
            rows={3}
            maxLength={EVIDENCE_FIELDS.voidReason.max}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-label={t('void.reason')}
            placeholder={t('void.placeholder')}
          />
        </Form.Item>
      </Form>
      {error && error !== t('void.reasonRequired') ? <Alert type="error" showIcon message={error} /> : null}
    </Modal>
  );
}
