// The dialog a final result opens when it needs more than a click: a written reason when it differs
// from the suggestion, an approval 文号 when the quota unit is full, the superior's notice 文号 for a
// leader assessed by the superior body. The quota guard lives in main; this only asks for what it needs.
import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { plainArrows } from '@shared/sheets/trace-sentence';
import { call, ApiError } from '../../api/client';
import { choiceLabel, splitChoice, type Choice, type RowDto, type UnitDto } from './types';
import { useT } from '../../i18n/language';

export interface DecideRequest {
  row: RowDto;
  choice: Choice;
  unit: UnitDto | undefined;
}

export function needsDialog(req: DecideRequest): boolean {
  const { row, choice, unit } = req;
  const s = row.suggestionOfRecord;
  const target = splitChoice(choice);
  const differs = s.outcome !== target.outcome || s.grade !== target.grade;
  if (row.person.superiorAssessed && target.outcome === 'graded') return true;
  if (differs) return true;
  return choice === 'excellent' && !!unit && unit.full && row.decision?.grade !== 'excellent';
}

export function DecideDialog({
  req,
  yearId,
  onClose,
  onSaved,
}: {
  req: DecideRequest | null;
  yearId: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string; approvalDocNo: string }>();
  const [error, setError] = useState<string | null>(null);
  const [quotaAsked, setQuotaAsked] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setError(null);
    setQuotaAsked(false);
    form.resetFields();
  }, [req, form]);
  if (!req) return null;
  const { row, choice, unit } = req;
  const target = splitChoice(choice);
  const s = row.suggestionOfRecord;
  const differs = s.outcome !== target.outcome || s.grade !== target.grade;
  const superior = row.person.superiorAssessed && target.outcome === 'graded';
  const needApproval =
    !superior && (quotaAsked || (choice === 'excellent' && !!unit && unit.full && row.decision?.grade !== 'excellent'));
  const label = choiceLabel(choice, row.person.category);

  const save = async () => {
    let v: { reason?: string; approvalDocNo?: string };
    try {
      v = await form.validateFields();
    } catch {
      return; // the form shows which field is missing
    }
    setBusy(true);
    setError(null);
    try {
      await call('yearend.decide', {
        yearId,
        personId: row.person.id,
        ...target,
        reason: v.reason ?? '',
        approvalDocNo: v.approvalDocNo ?? '',
      });
      onSaved();
    } catch (e) {
      const err = e instanceof ApiError ? e.error : { code: 'INTERNAL', message: String(e) };
      if (err.code === 'QUOTA') setQuotaAsked(true);
      setError(err.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('decide.title', { name: row.person.name, label })}
      okText={t('decide.save')}
      onOk={save}
      onCancel={onClose}
      okButtonProps={{ loading: busy, 'data-testid': 'decide-save' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('decide.suggestion', { label: s.label })}
        {row.frozen ? t('decide.frozen') : ''}
        {t('grid.problemSep')}
        {unit ? plainArrows(unit.explanation) : ''}
      </Typography.Paragraph>
      {error ? (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="decide-error" />
      ) : null}
      <Form form={form} layout="vertical" preserve={false}>
        {superior ? (
          <Form.Item
            name="approvalDocNo"
            label={t('decide.superiorDoc')}
            rules={[{ required: true, message: t('decide.superiorDocRequired') }]}
          >
            <Input maxLength={100} data-testid="decide-approval" />
          </Form.Item>
        ) : null}
        {differs && !superior ? (
          <Form.Item
            name="reason"
            label={t('decide.reason', { label: s.label })}
            rules={[{ required: true, min: 2, message: t('decide.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} data-testid="decide-reason" />
          </Form.Item>
        ) : null}
        {needApproval ? (
          <>
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('decide.full', {
                unit: unit?.label ?? '',
                used: unit?.used ?? 0,
                allowed: unit?.allowed ?? 0,
              })}
            />
            <Form.Item
              name="approvalDocNo"
              label={t('decide.approval')}
              rules={[{ required: true, message: t('decide.approvalRequired') }]}
            >
              <Input maxLength={100} placeholder={t('decide.approvalPlaceholder')} data-testid="decide-approval" />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
