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
import { ExportTableButton } from '../../components/import/ExportTableButton';
import { useDomainLabels, useT } from '../../i18n/language';
import { redressTable } from './redress-export';

const KINDS = ['review', 'appeal', 'deferred_grade'] as const;
const DECISIONS = ['upheld', 'changed', 'rejected'] as const;
const CLOSING_OUTCOMES = ['none', 'warning', 'heavier'] as const;
type FileForm = Omit<InputOf<'yearend.fileRedress'>, 'yearId'>;
type DecideForm = Omit<InputOf<'yearend.decideRedress'>, 'redressId' | 'outcome' | 'grade' | 'closing'> & {
  result?: Choice;
  /** 补定等次: the investigation's closing, recorded in the same step */
  closingEndDate?: string;
  closingOutcome?: 'none' | 'warning' | 'heavier';
};

export function RedressPanel({ state, onChanged }: { state: StateDto; onChanged: () => void }) {
  const t = useT();
  const labels = useDomainLabels();
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
      title={t('redress.title')}
      extra={
        <>
          <ExportTableButton
            title={t('redress.exportTitle', { year: state.year })}
            fileName={t('redress.exportFile', { year: state.year })}
            table={() => redressTable(list.data ?? [], t)}
          />{' '}
          <Button size="small" onClick={() => setFiling(true)} data-testid="file-redress">
            {t('redress.file')}
          </Button>
        </>
      }
      style={{ marginBottom: 12 }}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('redress.deadlines', {
          review: r.reviewDays,
          afterReview: r.appealAfterReviewDays,
          direct: r.appealDirectDays,
          grades:
            r.appealableGrades.map((g) => labels.result(g, gradeLabel(g, 'civil_servant'))).join(t('common.listSep')) ||
            t('redress.gradesNone'),
        })}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('redress.empty') }}
        columns={[
          {
            title: t('redress.col.kind'),
            dataIndex: 'kind',
            width: 80,
            render: (k: (typeof KINDS)[number]) => <Tag>{t(`redress.kind.${k}`)}</Tag>,
          },
          { title: t('redress.col.person'), width: 110, render: (_, x) => `${x.personName}` },
          { title: t('redress.col.before'), dataIndex: 'beforeLabel', width: 100 },
          { title: t('redress.col.filedOn'), dataIndex: 'filedOn', width: 100 },
          {
            title: t('redress.col.deadline'),
            width: 210,
            render: (_, x) => (
              <Typography.Text title={x.deadlineBasis}>
                {x.deadline.startsWith('9999') ? t('redress.noDeadline') : t('redress.before', { date: x.deadline })}
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                  {x.deadlineBasis}
                </Typography.Text>
              </Typography.Text>
            ),
          },
          { title: t('redress.col.request'), dataIndex: 'request' },
          {
            title: t('redress.col.decision'),
            width: 240,
            render: (_, x) =>
              x.status === 'pending' ? (
                <Button size="small" type="link" onClick={() => setDeciding(x.id)}>
                  <Tag color="red">{t('redress.pending')}</Tag>
                  {t('redress.enterDecision')}
                </Button>
              ) : (
                <span>
                  <Tag color={x.decision === 'changed' ? 'orange' : 'default'}>
                    {x.decision ? t(`redress.decision.${x.decision}`) : ''}
                  </Tag>
                  {x.decisionOn} → {x.resultLabel}
                  {x.decisionDocNo ? t('redress.docNo', { no: x.decisionDocNo }) : ''}
                </span>
              ),
          },
        ]}
      />
      <Modal
        open={filing}
        title={t('redress.fileTitle')}
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
              t('redress.filed'),
            );
            if (ok) {
              setFiling(false);
              refresh();
            }
          })
        }
      >
        <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'review', filedOn: state.today }}>
          <Form.Item name="kind" label={t('redress.col.kind')} rules={[{ required: true }]}>
            <Select options={KINDS.map((value) => ({ value, label: t(`redress.kind.${value}`) }))} />
          </Form.Item>
          <Form.Item
            name="personId"
            label={t('redress.col.person')}
            rules={[{ required: true, message: t('redress.choosePerson') }]}
          >
            <PersonPicker yearId={state.yearId} allowClear />
          </Form.Item>
          <Form.Item name="reviewId" label={t('redress.linkedReview')}>
            <Select
              allowClear
              options={(list.data ?? [])
                .filter((x) => x.kind === 'review' && x.status === 'decided')
                .map((x) => ({
                  value: x.id,
                  label: t('redress.reviewOption', { name: x.personName, date: x.decisionOn ?? '' }),
                }))}
            />
          </Form.Item>
          <Form.Item name="learnedOn" label={t('redress.learnedOn')}>
            <IsoDatePicker />
          </Form.Item>
          <Form.Item name="filedOn" label={t('redress.col.filedOn')} rules={[{ required: true }]}>
            <IsoDatePicker />
          </Form.Item>
          <Form.Item
            name="request"
            label={t('redress.requestLabel')}
            rules={[{ required: true, min: 2, message: t('redress.requestRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!deciding}
        title={t('redress.decideTitle')}
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
              t('redress.decided'),
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
          <Form.Item name="decision" label={t('redress.col.decision')} rules={[{ required: true }]}>
            <Select options={DECISIONS.map((value) => ({ value, label: t(`redress.decision.${value}`) }))} />
          </Form.Item>
          {target?.kind === 'deferred_grade' ? (
            <>
              <Typography.Paragraph type="secondary">{t('redress.closingHint')}</Typography.Paragraph>
              <Form.Item name="closingEndDate" label={t('redress.closingEndDate')}>
                <IsoDatePicker data-testid="closing-end-date" />
              </Form.Item>
              <Form.Item
                name="closingOutcome"
                label={t('redress.closingOutcome')}
                dependencies={['closingEndDate']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: (_, v) =>
                      !getFieldValue('closingEndDate') || v
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('redress.closingRequired'))),
                  }),
                ]}
              >
                <Select
                  allowClear
                  options={CLOSING_OUTCOMES.map((value) => ({ value, label: t(`redress.closing.${value}`) }))}
                  data-testid="closing-outcome"
                />
              </Form.Item>
            </>
          ) : null}
          {decision === 'changed' || target?.kind === 'deferred_grade' ? (
            <Form.Item
              name="result"
              label={t('redress.changedResult')}
              rules={[{ required: true, message: t('redress.resultRequired') }]}
            >
              <Select
                options={choiceOptions(
                  offered.map((x) => ({ ...x, label: labels.result(x.grade ?? x.outcome, x.label) })),
                  (label) => t('wb.barredOption', { label }),
                )}
                data-testid="redress-result"
              />
            </Form.Item>
          ) : null}
          {result === 'excellent' ? (
            <Form.Item name="approvalDocNo" label={t('redress.approvalDocNo')}>
              <Input maxLength={100} />
            </Form.Item>
          ) : null}
          <Form.Item name="decisionOn" label={t('redress.col.decisionOn')} rules={[{ required: true }]}>
            <IsoDatePicker />
          </Form.Item>
          <Form.Item name="decisionDocNo" label={t('redress.col.docNo')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('redress.reason')}
            rules={[{ required: true, min: 2, message: t('redress.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
