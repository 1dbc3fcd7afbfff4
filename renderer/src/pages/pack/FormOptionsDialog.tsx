// 登记表设置: the office's own wording of the form's labels and the extra identity rows it adds
// (奖惩情况, 请假情况, 培训学时), kept with the year; the preview redraws after saving.
import { useEffect, useState } from 'react';
import { Alert, Checkbox, Form, Input, Modal } from 'antd';
import { useAction, useQuery } from '../../hooks/useApi';
import { useT } from '../../i18n/language';

/** The form's labels an office may reword (the text itself is printed, Chinese in every language). */
const EDITABLE = [
  'titleCivil',
  'titleInstitution',
  'unitPosition',
  'duties',
  'summary',
  'supervisor',
  'committee',
  'own',
  'ungraded',
] as const;
const EXTRA = ['rewards', 'leave', 'training'] as const;
type Extra = (typeof EXTRA)[number];

export function FormOptionsDialog({
  yearId,
  locked,
  open,
  onClose,
}: {
  yearId: string;
  /** the year is decided: the labels are shown as kept, not editable */
  locked: boolean;
  open: boolean;
  onClose(saved: boolean): void;
}) {
  const t = useT();
  const q = useQuery('pack.formOptions.get', open ? { yearId } : null);
  const act = useAction();
  const [labels, setLabels] = useState<Record<string, string>>({});
  const [extra, setExtra] = useState<Extra[]>([]);
  useEffect(() => {
    if (q.data) {
      setLabels(q.data.labels);
      setExtra(q.data.extraFields);
    }
  }, [q.data]);
  const save = async () => {
    const changed = Object.fromEntries(EDITABLE.map((key) => [key, (labels[key] ?? '').trim()]));
    const r = await act('pack.formOptions.save', { yearId, labels: changed, extraFields: extra }, t('form.saved'));
    if (r) onClose(true);
  };
  return (
    <Modal
      title={t('form.title')}
      open={open}
      onCancel={() => onClose(false)}
      onOk={() => void save()}
      okButtonProps={{ disabled: locked }}
      okText={t('form.save')}
      cancelText={t('form.cancel')}
      width={560}
      destroyOnHidden
    >
      {q.error && <Alert type="error" showIcon message={q.error.message} />}
      {locked && <Alert type="info" showIcon style={{ marginBottom: 8 }} message={t('form.locked')} />}
      <Form layout="horizontal" disabled={locked} labelCol={{ span: 7 }} size="small">
        {EDITABLE.map((key) => (
          <Form.Item
            key={key}
            label={t(`form.label.${key}`)}
            help={
              q.data && labels[key] !== q.data.defaults[key]
                ? t('form.default', { text: q.data.defaults[key] ?? '' })
                : undefined
            }
          >
            <Input
              aria-label={t(`form.label.${key}`)}
              maxLength={40}
              value={labels[key] ?? ''}
              onChange={(e) => setLabels({ ...labels, [key]: e.target.value })}
            />
          </Form.Item>
        ))}
        <Form.Item label={t('form.extra')}>
          <Checkbox.Group
            value={extra}
            onChange={(v) => setExtra(v)}
            options={EXTRA.map((x) => ({ value: x, label: t(`form.extra.${x}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
