// After final: 复核 / 申诉 / 补定等次, each with its filing date, deadline (from the year's settings),
// decision, decision date and resulting grade. The only way a final result changes.
import { useState } from 'react';
import { Button, Card, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { gradeLabel } from '@shared/domain/labels';
import { useAction, useQuery } from '../../hooks/useApi';
import { PersonPicker } from './PersonPicker';
import type { InputOf } from '@shared/api';
import { choiceOptions, splitChoice, type Choice, type StateDto } from './types';
import { IsoDatePicker } from '../../components/IsoDatePicker';

const KIND_LABEL = { review: '复核', appeal: '申诉', deferred_grade: '补定等次' } as const;
type FileForm = Omit<InputOf<'yearend.fileRedress'>, 'yearId'>;
type DecideForm = Omit<InputOf<'yearend.decideRedress'>, 'redressId' | 'outcome' | 'grade' | 'closing'> & {
  result?: Choice;
  /** 补定等次: the investigation's closing, recorded in the same step */
  closingEndDate?: string;
  closingOutcome?: 'none' | 'warning' | 'heavier';
};

const CLOSING_OUTCOMES = [
  { value: 'none', label: '未予处分' },
  { value: 'warning', label: '警告' },
  { value: 'heavier', label: '警告以上处分（须已在事件记录中录入该处分）' },
];

const DECISION_LABEL = { upheld: '维持', changed: '变更', rejected: '驳回' } as const;

export function RedressPanel({ state, onChanged }: { state: StateDto; onChanged: () => void }) {
  const list = useQuery('yearend.redressList', { yearId: state.yearId });
  const act = useAction();
  const [filing, setFiling] = useState(false);
  const [deciding, setDeciding] = useState<string | null>(null);
  const [form] = Form.useForm<FileForm>();
  const [dform] = Form.useForm<DecideForm>();
  const decision = Form.useWatch('decision', dform) as string | undefined;
  const result = Form.useWatch('result', dform);
  const closingOutcome = Form.useWatch('closingOutcome', dform);
  const target = (list.data ?? []).find((x) => x.id === deciding);
  // closed in this step, the rules will read the closed case: every result is offered and core's guard
  // (the same one) answers with the rule when the conclusion does not allow it
  const offered = (target?.choices ?? []).map((c) => (closingOutcome ? { ...c, allowed: true, reason: '' } : c));
  const refresh = () => {
    list.reload();
    onChanged();
  };
  const r = state.redress;
  return (
    <Card
      size="small"
      title="复核与申诉"
      extra={
        <Button size="small" onClick={() => setFiling(true)} data-testid="file-redress">
          登记申请
        </Button>
      }
      style={{ marginBottom: 12 }}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        期限：知悉考核结果之日（书面送达之日）起 {r.reviewDays} 日内申请复核；对复核决定不服的，自决定之日起{' '}
        {r.appealAfterReviewDays} 日内申诉；也可自知悉之日起 {r.appealDirectDays} 日内直接申诉。 可申请的等次：
        {r.appealableGrades.map((g) => gradeLabel(g, 'civil_servant')).join('、') || '（无）'}；不定等次的结果均可申请。
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={list.data ?? []}
        locale={{ emptyText: '没有复核或申诉' }}
        columns={[
          {
            title: '类别',
            dataIndex: 'kind',
            width: 80,
            render: (k: keyof typeof KIND_LABEL) => <Tag>{KIND_LABEL[k]}</Tag>,
          },
          { title: '人员', width: 110, render: (_, x) => `${x.personName}` },
          { title: '原结果', dataIndex: 'beforeLabel', width: 100 },
          { title: '申请日期', dataIndex: 'filedOn', width: 100 },
          {
            title: '期限',
            width: 210,
            render: (_, x) => (
              <Typography.Text title={x.deadlineBasis}>
                {x.deadline.startsWith('9999') ? '无' : `${x.deadline} 前`}
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                  {x.deadlineBasis}
                </Typography.Text>
              </Typography.Text>
            ),
          },
          { title: '请求', dataIndex: 'request' },
          {
            title: '决定',
            width: 240,
            render: (_, x) =>
              x.status === 'pending' ? (
                <Button size="small" type="link" onClick={() => setDeciding(x.id)}>
                  <Tag color="red">待决定</Tag>录入决定
                </Button>
              ) : (
                <span>
                  <Tag color={x.decision === 'changed' ? 'orange' : 'default'}>
                    {x.decision ? DECISION_LABEL[x.decision] : ''}
                  </Tag>
                  {x.decisionOn} → {x.resultLabel}
                  {x.decisionDocNo ? `（${x.decisionDocNo}）` : ''}
                </span>
              ),
          },
        ]}
      />
      <Modal
        open={filing}
        title="登记复核、申诉或补定等次"
        destroyOnHidden
        onCancel={() => setFiling(false)}
        onOk={() =>
          form.validateFields().then(async (v) => {
            const ok = await act(
              'yearend.fileRedress',
              {
                yearId: state.yearId,
                personId: v.personId,
                kind: v.kind,
                reviewId: v.reviewId ?? null,
                learnedOn: v.learnedOn || null,
                filedOn: v.filedOn,
                request: v.request,
              },
              '已登记',
            );
            if (ok) {
              setFiling(false);
              refresh();
            }
          })
        }
      >
        <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'review', filedOn: state.today }}>
          <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
            <Select options={Object.entries(KIND_LABEL).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="personId" label="人员" rules={[{ required: true, message: '请选择人员' }]}>
            <PersonPicker yearId={state.yearId} allowClear />
          </Form.Item>
          <Form.Item name="reviewId" label="复核后申诉：关联的复核（直接申诉不选）">
            <Select
              allowClear
              options={(list.data ?? [])
                .filter((x) => x.kind === 'review' && x.status === 'decided')
                .map((x) => ({ value: x.id, label: `${x.personName} ${x.decisionOn} 复核决定` }))}
            />
          </Form.Item>
          <Form.Item name="learnedOn" label="知悉考核结果日期（已录入送达的，按送达日期计算，不必填写）">
            <IsoDatePicker />
          </Form.Item>
          <Form.Item name="filedOn" label="申请日期" rules={[{ required: true }]}>
            <IsoDatePicker />
          </Form.Item>
          <Form.Item
            name="request"
            label="请求及理由"
            rules={[{ required: true, min: 2, message: '请填写请求及理由' }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!deciding}
        title="录入复核或申诉的决定"
        destroyOnHidden
        onCancel={() => setDeciding(null)}
        onOk={() =>
          dform.validateFields().then(async (v) => {
            const chosen = v.result ? splitChoice(v.result) : { outcome: null, grade: null };
            const ok = await act(
              'yearend.decideRedress',
              {
                redressId: deciding!,
                decision: v.decision,
                decisionOn: v.decisionOn,
                decisionDocNo: v.decisionDocNo ?? '',
                approvalDocNo: v.approvalDocNo ?? '',
                reason: v.reason,
                ...chosen,
                closing:
                  v.closingEndDate && v.closingOutcome
                    ? {
                        evidenceId: null,
                        endDate: v.closingEndDate,
                        closingOutcome: v.closingOutcome,
                        linkedEvidenceId: null,
                      }
                    : null,
              },
              '已录入决定',
            );
            if (ok) {
              setDeciding(null);
              refresh();
            }
          })
        }
      >
        <Form
          form={dform}
          layout="vertical"
          preserve={false}
          initialValues={{ decision: 'upheld', decisionOn: state.today }}
        >
          <Form.Item name="decision" label="决定" rules={[{ required: true }]}>
            <Select options={Object.entries(DECISION_LABEL).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          {target?.kind === 'deferred_grade' ? (
            <>
              <Typography.Paragraph type="secondary">
                立案审查调查已结案但尚未录入的，可在此一并录入结案情况；保存时先记录结案，再按结案结论检查等次。
              </Typography.Paragraph>
              <Form.Item name="closingEndDate" label="结案日期（尚未录入结案时填写）">
                <IsoDatePicker data-testid="closing-end-date" />
              </Form.Item>
              <Form.Item
                name="closingOutcome"
                label="结案结果"
                dependencies={['closingEndDate']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: (_, v) =>
                      !getFieldValue('closingEndDate') || v
                        ? Promise.resolve()
                        : Promise.reject(new Error('请选择结案结果')),
                  }),
                ]}
              >
                <Select allowClear options={CLOSING_OUTCOMES} data-testid="closing-outcome" />
              </Form.Item>
            </>
          ) : null}
          {decision === 'changed' || target?.kind === 'deferred_grade' ? (
            <Form.Item name="result" label="变更后的结果" rules={[{ required: true, message: '请选择结果' }]}>
              <Select options={choiceOptions(offered)} data-testid="redress-result" />
            </Form.Item>
          ) : null}
          {result === 'excellent' ? (
            <Form.Item name="approvalDocNo" label="批准文号（变更为优秀且超出本单元名额时填写）">
              <Input maxLength={100} />
            </Form.Item>
          ) : null}
          <Form.Item name="decisionOn" label="决定日期" rules={[{ required: true }]}>
            <IsoDatePicker />
          </Form.Item>
          <Form.Item name="decisionDocNo" label="决定文号">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="reason" label="决定理由" rules={[{ required: true, min: 2, message: '请填写决定理由' }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
