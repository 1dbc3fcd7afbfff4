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
import { CATEGORY_LABEL } from '@shared/domain/labels';
import { checkIdCard } from '@shared/domain/idcard';
import { PERSON_FIELDS, tooLong } from '@shared/domain/fields';
import { ApiError, call } from '../../api/client';
import { useQuery } from '../../hooks/useApi';
import { applyFieldErrors } from './form-errors';
import { unitOptions } from './unit-options';

interface FormValues {
  personNo: string;
  name: string;
  gender?: '男' | '女' | null;
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
const POLITICAL = [
  '中共党员',
  '中共预备党员',
  '共青团员',
  '群众',
  '民革党员',
  '民盟盟员',
  '民建会员',
  '民进会员',
  '农工党党员',
  '致公党党员',
  '九三学社社员',
  '台盟盟员',
  '无党派人士',
];
const EDUCATION = ['研究生（博士）', '研究生（硕士）', '大学本科', '大学专科', '中专', '高中'];
const POSITIONS = [
  '二级科员',
  '一级科员',
  '四级主任科员',
  '三级主任科员',
  '二级主任科员',
  '一级主任科员',
  '四级调研员',
  '三级调研员',
  '副科长',
  '科长',
  '副主任',
  '主任',
  '管理九级职员',
  '管理八级职员',
  '专业技术十级',
  '专业技术九级',
  '专业技术八级',
];
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
      title={editing ? `编辑人员：${person.name}` : '新增人员'}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={busy} onClick={() => void submit()}>
            保存
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
                关闭并刷新
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
              label="人员编号"
              rules={[
                { required: true, whitespace: true, message: '请填写人员编号' },
                { max: PERSON_FIELDS.personNo.max, message: tooLong(PERSON_FIELDS.personNo) },
              ]}
            >
              <Input placeholder="单位内唯一，例如 R00121" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="name"
              label="姓名"
              rules={[
                { required: true, whitespace: true, message: '请填写姓名' },
                { max: PERSON_FIELDS.name.max, message: tooLong(PERSON_FIELDS.name) },
              ]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="unitId"
              label="部门"
              rules={[{ required: true, message: '请选择部门' }]}
              extra={editing ? '调整部门请使用“调动”，以便记录调动日期' : undefined}
            >
              <TreeSelect
                treeData={unitOptions(units, false)}
                treeDefaultExpandAll
                disabled={editing}
                placeholder="选择部门"
                showSearch={{ treeNodeFilterProp: 'label' }}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="category" label="人员类别" rules={[{ required: true, message: '请选择人员类别' }]}>
              <Select
                options={(Object.keys(CATEGORY_LABEL) as PersonCategory[]).map((k) => ({
                  value: k,
                  label:
                    k === 'civil_servant_managed'
                      ? '参公（参照公务员法管理）'
                      : k === 'institution'
                        ? '事业（事业单位工作人员）'
                        : CATEGORY_LABEL[k],
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="gender" label="性别">
              <Select allowClear options={[{ value: '男' }, { value: '女' }]} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="birthMonth" label="出生年月">
              <DatePicker picker="month" style={{ width: '100%' }} format="YYYY-MM" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="politicalStatus"
              label="政治面貌"
              rules={[{ max: PERSON_FIELDS.politicalStatus.max, message: tooLong(PERSON_FIELDS.politicalStatus) }]}
            >
              <AutoComplete options={toOptions(POLITICAL)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="education"
              label="文化程度"
              rules={[{ max: PERSON_FIELDS.education.max, message: tooLong(PERSON_FIELDS.education) }]}
            >
              <AutoComplete options={toOptions(EDUCATION)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="position"
              label="职务职级"
              rules={[{ max: PERSON_FIELDS.position.max, message: tooLong(PERSON_FIELDS.position) }]}
            >
              <AutoComplete options={toOptions(POSITIONS)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="positionSince" label="任现职时间">
              <DatePicker picker="month" style={{ width: '100%' }} format="YYYY-MM" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="hireDate" label="入职日期">
              <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="probationEnd"
              label="试用期满日期"
              dependencies={['hireDate']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_r, value: Dayjs | null | undefined) => {
                    const hire = getFieldValue('hireDate') as Dayjs | null | undefined;
                    return value && hire && value.isBefore(hire, 'day')
                      ? Promise.reject(new Error('试用期满日期不能早于入职日期'))
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
              label="上级考核"
              valuePropName="checked"
              tooltip="领导班子成员由上级机关考核，不占本单位优秀名额"
            >
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="duties"
              label="从事或分管工作"
              rules={[{ max: PERSON_FIELDS.duties.max, message: tooLong(PERSON_FIELDS.duties) }]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              name="idCard"
              label="身份证号"
              extra={
                editing && person.idCardMasked ? `已登记：${person.idCardMasked}，留空则不修改` : '保存后只显示部分号码'
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
                <Checkbox>清除已登记的号码</Checkbox>
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        {editing && detail.data?.person.id === person.id ? (
          <>
            <Divider titlePlacement="start" plain>
              关联记录
            </Divider>
            <Descriptions size="small" column={4}>
              <Descriptions.Item label="平时考核">{detail.data.records.ratings}</Descriptions.Item>
              <Descriptions.Item label="事件">{detail.data.records.evidence}</Descriptions.Item>
              <Descriptions.Item label="年度结果">{detail.data.records.decisions}</Descriptions.Item>
              <Descriptions.Item label="往年等次">{detail.data.records.history}</Descriptions.Item>
            </Descriptions>
            {detail.data.moves.length > 0 ? (
              <Timeline
                style={{ marginTop: 8 }}
                items={detail.data.moves.map((m) => ({
                  content: `${m.moveDate} 由 ${m.fromUnitName} 调至 ${m.toUnitName}${m.reason ? `（${m.reason}）` : ''}`,
                }))}
              />
            ) : null}
          </>
        ) : null}
        {editing ? (
          <Typography.Text type="secondary">
            最后修改：{person.updatedAt.replace('T', ' ').slice(0, 19)}
          </Typography.Text>
        ) : null}
      </Form>
    </Drawer>
  );
}
