// Create or edit one person: the canonical roster fields, checked here as the clerk types and again
// by main; server errors land next to the field they name (人员编号 taken, 身份证号 check digit…).
import { useEffect, useState } from 'react';
import {
  Alert,
  AutoComplete,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Switch,
  Timeline,
  TreeSelect,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { PersonDto } from '@shared/domain/records';
import type { PersonCategory } from '@shared/domain/types';
import type { PersonFieldsInput, UnitNodeDto } from '@shared/api/roster';
import { checkIdCard } from '@shared/domain/idcard';
import { PERSON_FIELDS } from '@shared/domain/fields';
import {
  EDUCATION_CHOICES,
  GENDERS,
  POLITICAL_STATUS_CHOICES,
  POSITION_CHOICES,
  type Gender,
} from '@shared/domain/person-choices';
import { ApiError, call } from '../../api/client';
import { useQuery } from '../../hooks/useApi';
import { applyFieldErrors } from './form-errors';
import { unitOptions } from './unit-options';
import { useDomainLabels, useT } from '../../i18n/language';

interface FormValues {
  personNo: string;
  name: string;
  gender?: Gender | null;
  birthMonth?: Dayjs | null;
  politicalStatus?: string;
  education?: string;
  unitId?: string;
  position?: string;
  positionSince?: Dayjs | null;
  category?: PersonCategory;
  duties?: string;
  hireDate?: Dayjs | null;
  probationEnd?: Dayjs | null;
  superiorAssessed?: boolean;
  idCard?: string;
  clearIdCard?: boolean;
}

const FIELD_NAMES = [
  'personNo',
  'name',
  'gender',
  'birthMonth',
  'politicalStatus',
  'education',
  'unitId',
  'position',
  'positionSince',
  'category',
  'duties',
  'hireDate',
  'probationEnd',
  'superiorAssessed',
  'idCard',
] as const;
const toOptions = (list: readonly string[]) => list.map((value) => ({ value }));

const month = (s: string | null | undefined) => (s ? dayjs(`${s}-01`) : null);
const day = (s: string | null | undefined) => (s ? dayjs(s) : null);
const text = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

interface Props {
  open: boolean;
  person: PersonDto | null; // null = create
  units: UnitNodeDto[];
  defaultUnitId: string | null;
  onClose(): void;
  onSaved(p: PersonDto): void;
}

export function PersonDrawer({ open, person, units, defaultUnitId, onClose, onSaved }: Props) {
  const t = useT();
  const labels = useDomainLabels();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const editing = person !== null;
  const detail = useQuery('roster.get', open && person ? { id: person.id } : null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    setConflict(false);
    form.resetFields();
    const departments = units.filter((u) => u.kind === 'department');
    form.setFieldsValue(
      person
        ? {
            personNo: person.personNo,
            name: person.name,
            gender: person.gender,
            birthMonth: month(person.birthMonth),
            politicalStatus: person.politicalStatus ?? undefined,
            education: person.education ?? undefined,
            unitId: person.unitId,
            position: person.position ?? undefined,
            positionSince: month(person.positionSince),
            category: person.category,
            duties: person.duties ?? undefined,
            hireDate: day(person.hireDate),
            probationEnd: day(person.probationEnd),
            superiorAssessed: person.superiorAssessed,
            idCard: '',
            clearIdCard: false,
          }
        : {
            unitId: defaultUnitId ?? (departments.length === 1 ? departments[0]!.id : undefined),
            category: 'civil_servant',
            superiorAssessed: false,
          },
    );
  }, [open, person, defaultUnitId, units, form]);

  const submit = async () => {
    let v: FormValues;
    try {
      v = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    const fields = {
      personNo: v.personNo.trim(),
      name: v.name.trim(),
      gender: v.gender ?? null,
      birthMonth: v.birthMonth ? v.birthMonth.format('YYYY-MM') : null,
      politicalStatus: text(v.politicalStatus),
      education: text(v.education),
      position: text(v.position),
      positionSince: v.positionSince ? v.positionSince.format('YYYY-MM') : null,
      category: v.category!,
      duties: text(v.duties),
      hireDate: v.hireDate ? v.hireDate.format('YYYY-MM-DD') : null,
      probationEnd: v.probationEnd ? v.probationEnd.format('YYYY-MM-DD') : null,
      superiorAssessed: v.superiorAssessed ?? false,
    };
    const idCard = text(v.idCard);
    setBusy(true);
    setError(null);
    try {
      const saved = person
        ? await call('roster.update', {
            id: person.id,
            expectedUpdatedAt: person.updatedAt,
            changes: { ...fields, ...(v.clearIdCard ? { idCard: null } : idCard ? { idCard } : {}) },
          })
        : await call('roster.create', {
            ...fields,
            unitId: v.unitId!,
            ...(idCard ? { idCard } : {}),
          } satisfies PersonFieldsInput);
      onSaved(saved);
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', message: String(e) });
      setConflict(err.error.code === 'CONFLICT' && !(err.error.details as { issues?: unknown } | undefined)?.issues);
      setError(applyFieldErrors(form, err, FIELD_NAMES));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={620}
      title={editing ? t('person.editTitle', { name: person.name }) : t('roster.add')}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('person.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => void submit()}>
            {t('person.save')}
          </Button>
        </Flex>
      }
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={error}
          style={{ marginBottom: 16 }}
          action={
            conflict ? (
              <Button size="small" onClick={onClose}>
                {t('person.closeRefresh')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      <Form form={form} layout="vertical" requiredMark="optional" onFinish={() => void submit()}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="personNo"
              label={t('roster.col.personNo')}
              rules={[
                { required: true, whitespace: true, message: t('person.personNoRequired') },
                { max: PERSON_FIELDS.personNo.max, message: t('roster.tooLong', { max: PERSON_FIELDS.personNo.max }) },
              ]}
            >
              <Input placeholder={t('person.personNoPlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="name"
              label={t('roster.col.name')}
              rules={[
                { required: true, whitespace: true, message: t('person.nameRequired') },
                { max: PERSON_FIELDS.name.max, message: t('roster.tooLong', { max: PERSON_FIELDS.name.max }) },
              ]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="unitId"
              label={t('ratings.department')}
              rules={[{ required: true, message: t('person.deptRequired') }]}
              extra={editing ? t('person.deptMoveHint') : undefined}
            >
              <TreeSelect
                treeData={unitOptions(units, false)}
                treeDefaultExpandAll
                disabled={editing}
                placeholder={t('action.pickDept')}
                showSearch={{ treeNodeFilterProp: 'label' }}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="category"
              label={t('roster.category')}
              rules={[{ required: true, message: t('person.categoryRequired') }]}
            >
              <Select
                options={(Object.keys(labels.category) as PersonCategory[]).map((k) => ({
                  value: k,
                  label:
                    k === 'civil_servant_managed'
                      ? t('person.category.managed')
                      : k === 'institution'
                        ? t('person.category.institution')
                        : labels.category[k],
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="gender" label={t('roster.col.gender')}>
              <Select allowClear options={GENDERS.map((g) => ({ value: g, label: labels.gender(g) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="birthMonth" label={t('person.birthMonth')}>
              <DatePicker picker="month" style={{ width: '100%' }} format="YYYY-MM" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="politicalStatus"
              label={t('person.political')}
              rules={[
                {
                  max: PERSON_FIELDS.politicalStatus.max,
                  message: t('roster.tooLong', { max: PERSON_FIELDS.politicalStatus.max }),
                },
              ]}
            >
              <AutoComplete options={toOptions(POLITICAL_STATUS_CHOICES)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="education"
              label={t('person.education')}
              rules={[
                {
                  max: PERSON_FIELDS.education.max,
                  message: t('roster.tooLong', { max: PERSON_FIELDS.education.max }),
                },
              ]}
            >
              <AutoComplete options={toOptions(EDUCATION_CHOICES)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="position"
              label={t('person.position')}
              rules={[
                { max: PERSON_FIELDS.position.max, message: t('roster.tooLong', { max: PERSON_FIELDS.position.max }) },
              ]}
            >
              <AutoComplete options={toOptions(POSITION_CHOICES)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="positionSince" label={t('person.positionSince')}>
              <DatePicker picker="month" style={{ width: '100%' }} format="YYYY-MM" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="hireDate" label={t('person.hireDate')}>
              <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="probationEnd"
              label={t('person.probationEnd')}
              dependencies={['hireDate']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_r, value: Dayjs | null | undefined) => {
                    const hire = getFieldValue('hireDate') as Dayjs | null | undefined;
                    return value && hire && value.isBefore(hire, 'day')
                      ? Promise.reject(new Error(t('person.probationBeforeHire')))
                      : Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="superiorAssessed"
              label={t('person.superior')}
              valuePropName="checked"
              tooltip={t('person.superiorHint')}
            >
              <Switch checkedChildren={t('person.yes')} unCheckedChildren={t('person.no')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="duties"
              label={t('person.duties')}
              rules={[
                { max: PERSON_FIELDS.duties.max, message: t('roster.tooLong', { max: PERSON_FIELDS.duties.max }) },
              ]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              name="idCard"
              label={t('roster.col.idCard')}
              extra={
                editing && person.idCardMasked
                  ? t('person.idCardKept', { masked: person.idCardMasked })
                  : t('person.idCardMasked')
              }
              rules={[
                {
                  validator: (_r, value: string | undefined) => {
                    if (!value || !value.trim()) return Promise.resolve();
                    const r = checkIdCard(value);
                    return r.ok ? Promise.resolve() : Promise.reject(new Error(r.message));
                  },
                },
              ]}
            >
              <Input autoComplete="off" maxLength={20} />
            </Form.Item>
          </Col>
          {editing && person.idCardMasked ? (
            <Col span={8}>
              <Form.Item name="clearIdCard" valuePropName="checked" style={{ paddingTop: 30 }}>
                <Checkbox>{t('person.clearIdCard')}</Checkbox>
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        {editing && detail.data?.person.id === person.id ? (
          <>
            <Divider titlePlacement="start" plain>
              {t('person.records')}
            </Divider>
            <Descriptions size="small" column={4}>
              <Descriptions.Item label={t('person.rec.ratings')}>{detail.data.records.ratings}</Descriptions.Item>
              <Descriptions.Item label={t('person.rec.evidence')}>{detail.data.records.evidence}</Descriptions.Item>
              <Descriptions.Item label={t('person.rec.decisions')}>{detail.data.records.decisions}</Descriptions.Item>
              <Descriptions.Item label={t('person.rec.history')}>{detail.data.records.history}</Descriptions.Item>
            </Descriptions>
            {detail.data.moves.length > 0 ? (
              <Timeline
                style={{ marginTop: 8 }}
                items={detail.data.moves.map((m) => ({
                  content:
                    t('person.move', { date: m.moveDate, from: m.fromUnitName, to: m.toUnitName }) +
                    (m.reason ? t('person.moveReason', { reason: m.reason }) : ''),
                }))}
              />
            ) : null}
          </>
        ) : null}
        {editing ? (
          <Typography.Text type="secondary">
            {t('person.updatedAt', { at: person.updatedAt.replace('T', ' ').slice(0, 19) })}
          </Typography.Text>
        ) : null}
      </Form>
    </Drawer>
  );
}
