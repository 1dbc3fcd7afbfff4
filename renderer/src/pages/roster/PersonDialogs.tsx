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
import { useT } from '../../i18n/language';
import type { MessageKey } from '../../i18n/zh';

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

const TITLES: Record<PersonAction, MessageKey> = {
  leave: 'action.leave',
  move: 'action.move',
  reinstate: 'action.reinstate',
  delete: 'action.delete',
};

export function PersonDialog({ action, person, units, onClose, onDone }: Props) {
  const t = useT();
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

  const who = t('action.who', { name: person.name, personNo: person.personNo, unit: person.unitName });
  return (
    <Modal
      open
      title={t('action.title', { action: t(TITLES[action]), name: person.name })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t(action === 'delete' ? 'action.deleteOk' : 'action.ok')}
      okButtonProps={{ danger: action === 'delete' }}
      confirmLoading={busy}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} /> : null}
      <Typography.Paragraph type="secondary">
        {action === 'leave' && t('action.leaveNote', { who })}
        {action === 'move' && t('action.moveNote', { who })}
        {action === 'reinstate' &&
          t('action.reinstateNote', { who, date: person.leftDate ?? '', reason: person.leftReason ?? '' })}
        {action === 'delete' && t('action.deleteNote')}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ date: action === 'leave' || action === 'move' ? dayjs() : undefined }}
      >
        {action === 'move' ? (
          <Form.Item
            name="toUnitId"
            label={t('action.toUnit')}
            rules={[{ required: true, message: t('action.toUnitRequired') }]}
          >
            <TreeSelect treeData={unitOptions(units, false)} treeDefaultExpandAll placeholder={t('action.pickDept')} />
          </Form.Item>
        ) : null}
        {action === 'leave' || action === 'move' ? (
          <Form.Item
            name="date"
            label={t(action === 'leave' ? 'action.leftDate' : 'action.moveDate')}
            rules={[{ required: true, message: t('action.dateRequired') }]}
          >
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
          </Form.Item>
        ) : null}
        <Form.Item
          name="reason"
          label={
            action === 'leave'
              ? t('action.leaveReason')
              : action === 'move'
                ? t('action.moveReason')
                : action === 'reinstate'
                  ? t('action.reinstateReason')
                  : t('action.deleteReason')
          }
          rules={
            action === 'move'
              ? [{ max: 200, message: t('action.reasonTooLong') }]
              : [
                  { required: true, whitespace: true, message: t('action.reasonRequired') },
                  { max: 200, message: t('action.reasonTooLong') },
                ]
          }
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 4 }}
            placeholder={action === 'leave' ? t('action.leaveExample') : undefined}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
