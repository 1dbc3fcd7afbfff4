// 登记表设置: the office's own wording of the form's labels and the extra identity rows it adds
// (奖惩情况, 请假情况, 培训学时), kept with the year; the preview redraws after saving.
import { useEffect, useState } from 'react';
import { Alert, Checkbox, Form, Input, Modal } from 'antd';
import { useAction, useQuery } from '../../hooks/useApi';

const EDITABLE: { key: string; label: string }[] = [
  { key: 'titleCivil', label: '公务员表标题' },
  { key: 'titleInstitution', label: '事业单位表标题' },
  { key: 'unitPosition', label: '单位及职务职级' },
  { key: 'duties', label: '从事或分管工作' },
  { key: 'summary', label: '个人总结' },
  { key: 'supervisor', label: '主管领导评语栏' },
  { key: 'committee', label: '考核委员会意见栏' },
  { key: 'own', label: '本人意见栏' },
  { key: 'ungraded', label: '情况说明栏' },
];
const EXTRA = [
  { value: 'rewards', label: '奖惩情况' },
  { value: 'leave', label: '请假情况' },
  { value: 'training', label: '培训学时' },
] as const;
type Extra = (typeof EXTRA)[number]['value'];

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
    const changed = Object.fromEntries(EDITABLE.map(({ key }) => [key, (labels[key] ?? '').trim()]));
    const r = await act('pack.formOptions.save', { yearId, labels: changed, extraFields: extra }, '登记表设置已保存');
    if (r) onClose(true);
  };
  return (
    <Modal
      title="登记表设置"
      open={open}
      onCancel={() => onClose(false)}
      onOk={() => void save()}
      okButtonProps={{ disabled: locked }}
      okText="保存"
      cancelText="取消"
      width={560}
      destroyOnHidden
    >
      {q.error && <Alert type="error" showIcon message={q.error.message} />}
      {locked && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          message="本年度已定档，登记表的标签和栏目随年度锁定。"
        />
      )}
      <Form layout="horizontal" disabled={locked} labelCol={{ span: 7 }} size="small">
        {EDITABLE.map(({ key, label }) => (
          <Form.Item
            key={key}
            label={label}
            help={q.data && labels[key] !== q.data.defaults[key] ? `默认：${q.data.defaults[key]}` : undefined}
          >
            <Input
              aria-label={label}
              maxLength={40}
              value={labels[key] ?? ''}
              onChange={(e) => setLabels({ ...labels, [key]: e.target.value })}
            />
          </Form.Item>
        ))}
        <Form.Item label="附加栏目">
          <Checkbox.Group
            value={extra}
            onChange={(v) => setExtra(v)}
            options={EXTRA.map((x) => ({ value: x.value, label: x.label }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
