// The dialog a final result opens when it needs more than a click: a written reason when it differs
// from the suggestion, an approval 文号 when the quota unit is full, the superior's notice 文号 for a
// leader assessed by the superior body. The quota guard lives in main; this only asks for what it needs.
import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { plainArrows } from '@shared/sheets/trace-sentence';
import { call, ApiError } from '../../api/client';
import { choiceLabel, splitChoice, type Choice, type RowDto, type UnitDto } from './types';

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
      title={`确定考核结果：${row.person.name} → ${label}`}
      okText="保存"
      onOk={save}
      onCancel={onClose}
      okButtonProps={{ loading: busy, 'data-testid': 'decide-save' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        建议：{s.label}
        {row.frozen ? '（审核时冻结）' : ''}；{unit ? plainArrows(unit.explanation) : ''}
      </Typography.Paragraph>
      {error ? (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="decide-error" />
      ) : null}
      <Form form={form} layout="vertical" preserve={false}>
        {superior ? (
          <Form.Item
            name="approvalDocNo"
            label="上级通知文号（上级考核人员，等次按通知录入，不占本单位名额）"
            rules={[{ required: true, message: '请填写上级通知文号' }]}
          >
            <Input maxLength={100} data-testid="decide-approval" />
          </Form.Item>
        ) : null}
        {differs && !superior ? (
          <Form.Item
            name="reason"
            label={`与建议“${s.label}”不同的理由（记入审计日志）`}
            rules={[{ required: true, min: 2, message: '与建议不同，须填写理由' }]}
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
              message={`“${unit?.label ?? ''}”优秀名额已满（${unit?.used ?? 0}/${unit?.allowed ?? 0}）。超出名额须经批准，请填写批准文号。`}
            />
            <Form.Item
              name="approvalDocNo"
              label="批准文号"
              rules={[{ required: true, message: '超出名额须填写批准文号' }]}
            >
              <Input maxLength={100} placeholder="如：区考核委〔2026〕9号" data-testid="decide-approval" />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
