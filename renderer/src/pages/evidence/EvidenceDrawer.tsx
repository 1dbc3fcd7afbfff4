// "记录事件" / edit: a form whose fields follow the kind (dates, 文号, term, outcome, days…),
// checked on submit by the same zod union as main; messages land at their field, server ones too.
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Alert,
  AutoComplete,
  Button,
  Col,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Typography,
} from 'antd';
import type { EvidenceView } from '@shared/api/evidence';
import { EVIDENCE_SUB_KINDS, evidenceKind, type EvidenceKind } from '@shared/domain/types';
import { EVIDENCE_KIND_LABEL } from '@shared/domain/labels';
import { evidenceInput, INVESTIGATION_OUTCOME_LABEL } from '@shared/evidence/fields';
import { sanctionPeriod } from '@shared/evidence/sanction-period';
import { leaveSpanDays } from '@shared/evidence/leave';
import { defaultYearSettings } from '@shared/settings/year-settings';
import { ApiError, call } from '../../api/client';
import { useQuery } from '../../hooks/useApi';
import {
  DATE_LABEL,
  DOC_REQUIRED,
  END_LABEL,
  extraFields,
  FORM_FIELDS,
  formValuesOf,
  toInput,
  type FormValues,
} from './kind-form';

interface Props {
  open: boolean;
  item: EvidenceView | null; // null = record a new one
  yearId: string | null;
  year: number | null;
  onClose(): void;
  onSaved(v: EvidenceView): void;
}

interface PersonOption {
  value: string;
  label: string;
}

function issuesOf(e: ApiError): { field: string; message: string }[] {
  return (e.error.details as { issues?: { field: string; message: string }[] } | undefined)?.issues ?? [];
}

export function EvidenceDrawer({ open, item, yearId, year, onClose, onSaved }: Props) {
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [people, setPeople] = useState<PersonOption[]>([]);
  const kind = Form.useWatch('kind', form);
  const subKind = Form.useWatch('subKind', form);
  const date = Form.useWatch('date', form);
  const endDate = Form.useWatch('endDate', form);
  const personId = Form.useWatch('personId', form);
  const closingOutcome = Form.useWatch('closingOutcome', form);
  const settingsQ = useQuery('years.getSettings', open && yearId ? { yearId } : null);

  const searchPeople = useCallback(async (search: string) => {
    try {
      const list = await call('evidence.people', { search, limit: 30 });
      setPeople(
        list.map((p) => ({
          value: p.id,
          label: `${p.name}（${p.personNo}，${p.unitName}${p.status === 'left' ? '，已离开' : ''}）`,
        })),
      );
    } catch {
      /* the picker keeps its last options; the save will name a missing person */
    }
  }, []);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (item) {
      form.setFieldsValue(formValuesOf(item));
      setPeople([{ value: item.personId, label: `${item.personName}（${item.personNo}，${item.unitName}）` }]);
    } else {
      setPeople([]);
      void searchPeople('');
    }
  }, [open, item, form, searchPeople]);

  const linkable = useQuery(
    'evidence.list',
    open && kind === 'investigation' && personId ? { personId, status: 'active', limit: 100 } : null,
  );
  const extras = extraFields(kind, subKind, Boolean(endDate));
  const settings = settingsQ.data?.settings ?? defaultYearSettings();

  // What the record will compute, shown before saving (main computes the same on save).
  const computed = useMemo(() => {
    const d = date?.format('YYYY-MM-DD');
    if (kind === 'sanction' && d && subKind) {
      const months =
        year !== null && Number(d.slice(0, 4)) === year
          ? settings.sanctionMonths
          : defaultYearSettings().sanctionMonths;
      const p = sanctionPeriod(d, subKind, months);
      return p
        ? `处分期：${p.start} 至 ${p.end}（${p.months} 个月）`
        : subKind === '开除'
          ? '开除：不再参加考核'
          : '该处分未设处分期';
    }
    if (kind === 'leave' && d && endDate && !endDate.isBefore(date))
      return `起止共 ${leaveSpanDays(d, endDate.format('YYYY-MM-DD'))} 天（未填天数时按此计）`;
    return null;
  }, [kind, subKind, date, endDate, year, settings]);

  const submit = async () => {
    let v: FormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const input = toInput(v);
    const parsed = evidenceInput.safeParse(input);
    if (!parsed.success) {
      const byField = parsed.error.issues.filter((i) =>
        FORM_FIELDS.includes(String(i.path[0]) as (typeof FORM_FIELDS)[number]),
      );
      form.setFields(byField.map((i) => ({ name: String(i.path[0]) as keyof FormValues, errors: [i.message] })));
      if (byField.length < parsed.error.issues.length) setError(parsed.error.issues.map((i) => i.message).join('；'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = item
        ? await call('evidence.update', { id: item.id, expectedUpdatedAt: item.updatedAt, data: parsed.data })
        : await call('evidence.create', { data: parsed.data });
      onSaved(saved);
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', message: String(e) });
      const known = issuesOf(err)
        .map((i) => ({ name: i.field.split('.').at(-1) ?? i.field, message: i.message }))
        .filter((i) => FORM_FIELDS.includes(i.name as (typeof FORM_FIELDS)[number]));
      form.setFields(known.map((i) => ({ name: i.name as keyof FormValues, errors: [i.message] })));
      setError(known.length > 0 && err.error.code === 'INVALID_INPUT' ? null : err.message);
    } finally {
      setBusy(false);
    }
  };

  const docLabel = kind ? (DOC_REQUIRED[kind] ?? '文号') : '文号';
  const negativeNames = settings.negativeList.map((n) => ({ value: n.name }));

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={640}
      title={item ? `修改事件：${item.personName} · ${item.subKind}` : '记录事件'}
      destroyOnHidden
      data-testid="evidence-drawer"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={busy} onClick={() => void submit()}>
            保存
          </Button>
        </Flex>
      }
    >
      {error ? <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        requiredMark
        onValuesChange={(changed: Partial<FormValues>) => {
          // A new kind starts its sub-kind afresh; a different sub-kind may drop its extra fields.
          if ('kind' in changed) form.setFieldsValue({ subKind: undefined });
          setError(null);
        }}
      >
        <Form.Item name="personId" label="人员" rules={[{ required: true, message: '请选择人员' }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: (s: string) => void searchPeople(s) }}
            placeholder="输入姓名或人员编号查找"
            options={people}
            aria-label="人员"
            notFoundContent="没有匹配的人员"
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择事件类别' }]}>
              <Select
                aria-label="类别"
                placeholder="选择类别"
                options={evidenceKind.options.map((k) => ({ value: k, label: EVIDENCE_KIND_LABEL[k] }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="subKind" label="细类" rules={[{ required: true, message: '请选择细类' }]}>
              <Select
                aria-label="细类"
                placeholder={kind ? '选择细类' : '先选类别'}
                disabled={!kind}
                options={kind ? EVIDENCE_SUB_KINDS[kind].map((s) => ({ value: s, label: s })) : []}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="date"
              label={kind ? DATE_LABEL[kind] : '日期'}
              rules={[{ required: true, message: '请填写日期' }]}
            >
              <DatePicker style={{ width: '100%' }} aria-label="日期" placeholder="YYYY-MM-DD" />
            </Form.Item>
          </Col>
          {extras.includes('endDate') ? (
            <Col span={12}>
              <Form.Item
                name="endDate"
                label={END_LABEL[kind as EvidenceKind] ?? '截止日期'}
                rules={
                  kind === 'leave' || kind === 'probation'
                    ? [{ required: true, message: `请填写${END_LABEL[kind as EvidenceKind]}` }]
                    : []
                }
              >
                <DatePicker style={{ width: '100%' }} aria-label="截止日期" placeholder="YYYY-MM-DD" />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        {computed ? (
          <Alert type="info" showIcon message={computed} data-testid="computed-preview" style={{ marginBottom: 16 }} />
        ) : null}
        <Row gutter={12}>
          {extras.includes('days') ? (
            <Col span={12}>
              <Form.Item name="days" label="天数（可不填）" extra="按工作日计算的，可在此填写实际天数">
                <InputNumber min={0.5} max={366} step={0.5} style={{ width: '100%' }} aria-label="天数" />
              </Form.Item>
            </Col>
          ) : null}
          {extras.includes('termYears') ? (
            <Col span={12}>
              <Form.Item
                name="termYears"
                label="留党察看期限"
                rules={[{ required: true, message: '请选择留党察看期限' }]}
              >
                <Select
                  aria-label="留党察看期限"
                  options={[
                    { value: 1, label: '1 年' },
                    { value: 2, label: '2 年' },
                  ]}
                />
              </Form.Item>
            </Col>
          ) : null}
          {extras.includes('closingOutcome') ? (
            <Col span={12}>
              <Form.Item
                name="closingOutcome"
                label="结案结果"
                rules={[{ required: true, message: '已结案的须选择结案结果' }]}
              >
                <Select
                  aria-label="结案结果"
                  options={(['none', 'warning', 'heavier'] as const).map((o) => ({
                    value: o,
                    label: INVESTIGATION_OUTCOME_LABEL[o],
                  }))}
                />
              </Form.Item>
            </Col>
          ) : null}
          {extras.includes('linkedEvidenceId') && closingOutcome && closingOutcome !== 'none' ? (
            <Col span={12}>
              <Form.Item name="linkedEvidenceId" label="关联处分记录" extra="结案后给予的处分，请先记录该处分">
                <Select
                  allowClear
                  aria-label="关联处分记录"
                  options={(linkable.data?.items ?? [])
                    .filter((e) => e.kind === 'sanction' || e.kind === 'party_discipline')
                    .map((e) => ({ value: e.id, label: `${e.date} ${e.subKind}${e.docNo ? `（${e.docNo}）` : ''}` }))}
                  notFoundContent="此人尚无处分记录"
                />
              </Form.Item>
            </Col>
          ) : null}
          {extras.includes('otherUnit') ? (
            <Col span={12}>
              <Form.Item name="otherUnit" label="对方单位" rules={[{ required: true, message: '请填写对方单位名称' }]}>
                <Input maxLength={100} aria-label="对方单位" />
              </Form.Item>
            </Col>
          ) : null}
          {extras.includes('hours') ? (
            <Col span={12}>
              <Form.Item name="hours" label="学时" rules={[{ required: true, message: '培训学时须填写学时数' }]}>
                <InputNumber min={0.5} max={2000} step={0.5} style={{ width: '100%' }} aria-label="学时" />
              </Form.Item>
            </Col>
          ) : null}
          {extras.includes('item') ? (
            <Col span={12}>
              <Form.Item name="item" label="负面清单事项" rules={[{ required: true, message: '请填写负面清单事项' }]}>
                <AutoComplete options={negativeNames} aria-label="负面清单事项" />
              </Form.Item>
            </Col>
          ) : null}
          {extras.includes('role') ? (
            <Col span={12}>
              <Form.Item name="role" label="岗位">
                <Input maxLength={60} placeholder="如：党支部书记" aria-label="岗位" />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        <Form.Item
          name="docNo"
          label={docLabel}
          rules={
            kind && DOC_REQUIRED[kind]
              ? [{ required: true, whitespace: true, message: `请填写${DOC_REQUIRED[kind]}` }]
              : []
          }
        >
          <Input maxLength={100} placeholder="如：×纪发〔2026〕3号" aria-label="文号" />
        </Form.Item>
        <Form.Item
          name="description"
          label={kind === 'not_assessed' ? '不参加考核的原因' : '说明'}
          rules={
            kind === 'not_assessed' ? [{ required: true, whitespace: true, message: '请填写不参加考核的原因' }] : []
          }
        >
          <Input.TextArea rows={3} maxLength={2000} showCount aria-label="说明" />
        </Form.Item>
        <Typography.Text type="secondary">
          事件一经保存即记入审计日志；错误的记录请“作废”并写明原因，不会被删除。
        </Typography.Text>
      </Form>
    </Drawer>
  );
}
