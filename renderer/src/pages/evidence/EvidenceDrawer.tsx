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
import { evidenceInput } from '@shared/evidence/fields';
import { EVIDENCE_FIELDS } from '@shared/domain/fields';
import { SUB_KIND } from '@shared/evidence/sub-kinds';
import { useDomainLabels, useT } from '../../i18n/language';
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
  const t = useT();
  const labels = useDomainLabels();
  const [busy, setBusy] = useState(false);
  const [people, setPeople] = useState<PersonOption[]>([]);
  const kind = Form.useWatch('kind', form);
  const subKind = Form.useWatch('subKind', form);
  const date = Form.useWatch('date', form);
  const endDate = Form.useWatch('endDate', form);
  const personId = Form.useWatch('personId', form);
  const closingOutcome = Form.useWatch('closingOutcome', form);
  const settingsQ = useQuery('years.getSettings', open && yearId ? { yearId } : null);

  const searchPeople = useCallback(
    async (search: string) => {
      try {
        const list = await call('evidence.people', { search, limit: 30 });
        setPeople(
          list.map((p) => ({
            value: p.id,
            label: t(p.status === 'left' ? 'evf.personLeft' : 'evf.person', {
              name: p.name,
              no: p.personNo,
              unit: p.unitName,
            }),
          })),
        );
      } catch {
        /* the picker keeps its last options; the save will name a missing person */
      }
    },
    [t],
  );

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (item) {
      form.setFieldsValue(formValuesOf(item));
      setPeople([
        {
          value: item.personId,
          label: t('evf.person', { name: item.personName, no: item.personNo, unit: item.unitName }),
        },
      ]);
    } else {
      setPeople([]);
      void searchPeople('');
    }
  }, [open, item, form, searchPeople, t]);

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
      return p ? t('evf.effect', { ...p }) : subKind === SUB_KIND.expulsion ? t('evf.expelled') : t('evf.noEffect');
    }
    if (kind === 'leave' && d && endDate && !endDate.isBefore(date))
      return t('evf.span', { n: leaveSpanDays(d, endDate.format('YYYY-MM-DD')) });
    return null;
  }, [kind, subKind, date, endDate, year, settings, t]);

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

  const docLabel = t((kind && DOC_REQUIRED[kind]) || 'ev.col.docNo');
  const negativeNames = settings.negativeList.map((n) => ({ value: n.name }));

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={640}
      title={item ? t('evf.editTitle', { name: item.personName, subKind: item.subKind }) : t('ev.record')}
      destroyOnHidden
      data-testid="evidence-drawer"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('void.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => void submit()}>
            {t('evf.save')}
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
        <Form.Item
          name="personId"
          label={t('redress.col.person')}
          rules={[{ required: true, message: t('redress.choosePerson') }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: (s: string) => void searchPeople(s) }}
            placeholder={t('evf.personSearch')}
            options={people}
            aria-label={t('redress.col.person')}
            notFoundContent={t('evf.noPerson')}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="kind"
              label={t('ev.col.kind')}
              rules={[{ required: true, message: t('evf.kindRequired') }]}
            >
              <Select
                aria-label={t('ev.col.kind')}
                placeholder={t('evf.chooseKind')}
                options={evidenceKind.options.map((k) => ({ value: k, label: labels.evidenceKind[k] }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="subKind"
              label={t('ev.col.subKind')}
              rules={[{ required: true, message: t('evf.subKindRequired') }]}
            >
              <Select
                aria-label={t('ev.col.subKind')}
                placeholder={kind ? t('evf.chooseSubKind') : t('evf.kindFirst')}
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
              label={t(kind ? DATE_LABEL[kind] : 'evf.date')}
              rules={[{ required: true, message: t('evf.dateRequired') }]}
            >
              <DatePicker style={{ width: '100%' }} aria-label={t('evf.date')} placeholder="YYYY-MM-DD" />
            </Form.Item>
          </Col>
          {extras.includes('endDate') ? (
            <Col span={12}>
              <Form.Item
                name="endDate"
                label={t(END_LABEL[kind as EvidenceKind] ?? 'evf.end')}
                rules={
                  kind === 'leave' || kind === 'probation'
                    ? [
                        {
                          required: true,
                          message: t('evf.fill', { what: t(END_LABEL[kind as EvidenceKind] ?? 'evf.end') }),
                        },
                      ]
                    : []
                }
              >
                <DatePicker style={{ width: '100%' }} aria-label={t('evf.end')} placeholder="YYYY-MM-DD" />
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
              <Form.Item name="days" label={t('evf.days')} extra={t('evf.daysHint')}>
                <InputNumber min={0.5} max={366} step={0.5} style={{ width: '100%' }} aria-label={t('evf.daysAria')} />
              </Form.Item>
            </Col>
          ) : null}
          {extras.includes('termYears') ? (
            <Col span={12}>
              <Form.Item
                name="termYears"
                label={t('evf.term')}
                rules={[{ required: true, message: t('evf.termRequired') }]}
              >
                <Select
                  aria-label={t('evf.term')}
                  options={[
                    { value: 1, label: t('evf.years', { n: 1 }) },
                    { value: 2, label: t('evf.years', { n: 2 }) },
                  ]}
                />
              </Form.Item>
            </Col>
          ) : null}
          {extras.includes('closingOutcome') ? (
            <Col span={12}>
              <Form.Item
                name="closingOutcome"
                label={t('redress.closingOutcome')}
                rules={[{ required: true, message: t('evf.closingRequired') }]}
              >
                <Select
                  aria-label={t('redress.closingOutcome')}
                  options={(['none', 'warning', 'heavier'] as const).map((o) => ({
                    value: o,
                    label: t(`fact.outcome.${o}`),
                  }))}
                />
              </Form.Item>
            </Col>
          ) : null}
          {extras.includes('linkedEvidenceId') && closingOutcome && closingOutcome !== 'none' ? (
            <Col span={12}>
              <Form.Item name="linkedEvidenceId" label={t('evf.linked')} extra={t('evf.linkedHint')}>
                <Select
                  allowClear
                  aria-label={t('evf.linked')}
                  options={(linkable.data?.items ?? [])
                    .filter((e) => e.kind === 'sanction' || e.kind === 'party_discipline')
                    .map((e) => ({
                      value: e.id,
                      label: `${e.date} ${e.subKind}${e.docNo ? t('redress.docNo', { no: e.docNo }) : ''}`,
                    }))}
                  notFoundContent={t('evf.noSanction')}
                />
              </Form.Item>
            </Col>
          ) : null}
          {extras.includes('otherUnit') ? (
            <Col span={12}>
              <Form.Item
                name="otherUnit"
                label={t('evf.otherUnit')}
                rules={[{ required: true, message: t('evf.otherUnitRequired') }]}
              >
                <Input maxLength={EVIDENCE_FIELDS.otherUnit.max} aria-label={t('evf.otherUnit')} />
              </Form.Item>
            </Col>
          ) : null}
          {extras.includes('hours') ? (
            <Col span={12}>
              <Form.Item
                name="hours"
                label={t('evf.hours')}
                rules={[{ required: true, message: t('evf.hoursRequired') }]}
              >
                <InputNumber min={0.5} max={2000} step={0.5} style={{ width: '100%' }} aria-label={t('evf.hours')} />
              </Form.Item>
            </Col>
          ) : null}
          {extras.includes('item') ? (
            <Col span={12}>
              <Form.Item name="item" label={t('evf.item')} rules={[{ required: true, message: t('evf.itemRequired') }]}>
                <AutoComplete options={negativeNames} aria-label={t('evf.item')} />
              </Form.Item>
            </Col>
          ) : null}
          {extras.includes('role') ? (
            <Col span={12}>
              <Form.Item name="role" label={t('evf.role')}>
                <Input
                  maxLength={EVIDENCE_FIELDS.role.max}
                  placeholder={t('evf.rolePlaceholder')}
                  aria-label={t('evf.role')}
                />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        <Form.Item
          name="docNo"
          label={docLabel}
          rules={
            kind && DOC_REQUIRED[kind]
              ? [{ required: true, whitespace: true, message: t('evf.fill', { what: docLabel }) }]
              : []
          }
        >
          <Input
            maxLength={EVIDENCE_FIELDS.docNo.max}
            placeholder={t('evf.docPlaceholder')}
            aria-label={t('ev.col.docNo')}
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={kind === 'not_assessed' ? t('evf.notAssessedReason') : t('ev.col.description')}
          rules={
            kind === 'not_assessed'
              ? [{ required: true, whitespace: true, message: t('evf.fill', { what: t('evf.notAssessedReason') }) }]
              : []
          }
        >
          <Input.TextArea
            rows={3}
            maxLength={EVIDENCE_FIELDS.description.max}
            showCount
            aria-label={t('ev.col.description')}
          />
        </Form.Item>
        <Typography.Text type="secondary">{t('evf.auditNote')}</Typography.Text>
      </Form>
    </Drawer>
  );
}
