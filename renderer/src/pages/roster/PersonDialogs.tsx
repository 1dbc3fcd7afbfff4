// The dated actions on one person: mark as left, move to another department, undo a left mark,
// delete someone entered by mistake. Each asks for what the audit log must keep (date, reason).
import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, TreeSelect, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { PersonDto } from '@shared/domain/records';
import type { UnitNodeDto } from '@shared/api/roster';
import { ApiError, call } from '../../api/client';
import { applyFieldErrors } from './form-errors';
import { unitOptions } from './unit-options';

export type PersonAction = 'leave' | 'move' | 'reinstate' | 'delete';

interface Props {
  action: PersonAction;
  person: PersonDto;
  units: UnitNodeDto[];
  onClose(): void;
  onDone(): void;
}

interface Values {
  date?: Dayjs;
  toUnitId?: string;
  reason?: string;
}

const TITLES: Record<PersonAction, string> = {
  leave: '标记离开',
  move: '调动部门',
  reinstate: '恢复在职',
  delete: '删除人员',
};

export function PersonDialog({ action, person, units, onClose, onDone }: Props) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    const reason = v.reason?.trim() ?? '';
    try {
      if (action === 'leave')
        await call('roster.markLeft', {
          id: person.id,
          leftDate: v.date!.format('YYYY-MM-DD'),
          reason,
          expectedUpdatedAt: person.updatedAt,
        });
      else if (action === 'move')
        await call('roster.move', {
          id: person.id,
          toUnitId: v.toUnitId!,
          moveDate: v.date!.format('YYYY-MM-DD'),
          reason: reason || null,
        });
      else if (action === 'reinstate') await call('roster.reinstate', { id: person.id, reason });
      else await call('roster.delete', { id: person.id, reason });
      onDone();
      onClose();
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', message: String(e) });
      const rest = applyFieldErrors(form, err, ['date', 'toUnitId', 'reason']);
      // the services name leftDate / moveDate: show them on the one date field
      const issues = (err.error.details as { issues?: { field: string; message: string }[] } | undefined)?.issues ?? [];
      const dateIssue = issues.find((i) => /Date$/.test(i.field));
      if (dateIssue) form.setFields([{ name: 'date', errors: [dateIssue.message] }]);
      setError(dateIssue && issues.length === 1 ? null : rest);
    } finally {
      setBusy(false);
    }
  };

  const who = `${person.name}（${person.personNo}，${person.unitName}）`;
  return (
    <Modal
      open
      title={`${TITLES[action]}：${person.name}`}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={action === 'delete' ? '删除' : '确定'}
      okButtonProps={{ danger: action === 'delete' }}
      confirmLoading={busy}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} /> : null}
      <Typography.Paragraph type="secondary">
        {action === 'leave' && `${who} 将移出在职名册。全部考核记录保留，年终按“年内离开本单位”处理。`}
        {action === 'move' && `${who} 从调动日期起归新部门；此前各期的平时考核仍归原部门。`}
        {action === 'reinstate' && `撤销 ${who} 的离开标记（${person.leftDate ?? ''}，${person.leftReason ?? ''}）。`}
        {action === 'delete' && `仅用于误录的人员：已有任何考核记录、事件或往年等次的人员不能删除，请改用“标记离开”。`}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ date: action === 'leave' || action === 'move' ? dayjs() : undefined }}
      >
        {action === 'move' ? (
          <Form.Item name="toUnitId" label="调入部门" rules={[{ required: true, message: '请选择调入部门' }]}>
            <TreeSelect treeData={unitOptions(units, false)} treeDefaultExpandAll placeholder="选择部门" />
          </Form.Item>
        ) : null}
        {action === 'leave' || action === 'move' ? (
          <Form.Item
            name="date"
            label={action === 'leave' ? '离开日期' : '调动日期（到新部门的第一天）'}
            rules={[{ required: true, message: '请选择日期' }]}
          >
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
          </Form.Item>
        ) : null}
        <Form.Item
          name="reason"
          label={
            action === 'leave'
              ? '离开原因'
              : action === 'move'
                ? '调动说明（可选）'
                : action === 'reinstate'
                  ? '恢复原因'
                  : '删除原因'
          }
          rules={
            action === 'move'
              ? [{ max: 200, message: '最多 200 个字' }]
              : [
                  { required: true, whitespace: true, message: '请填写原因' },
                  { max: 200, message: '最多 200 个字' },
                ]
          }
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 4 }}
            placeholder={action === 'leave' ? '例如：调往市发展和改革委员会 / 退休' : undefined}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
