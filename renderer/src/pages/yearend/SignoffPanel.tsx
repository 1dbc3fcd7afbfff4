// After final: 送达与签收. Per person the day the written result was delivered, the person's own
// opinion (同意 / 不同意 with text / 拒签 with the witness's note) and the signing day; a filter for who
// has not signed; a department signed on one day in one step. The 复核 deadline shown runs from the
// recorded delivery day. The printable 送达签收表 is in 材料打印.
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { SignoffRowDto } from '@shared/api/signoff';
import { useAction, useQuery } from '../../hooks/useApi';
import type { StateDto } from './types';
import { IsoDatePicker } from '../../components/IsoDatePicker';
import { usePermissions } from '../../components/auth/usePermissions';

const OPINION_LABEL = { agree: '同意', disagree: '不同意', refused: '拒签' } as const;
type Opinion = keyof typeof OPINION_LABEL;

interface RecordForm {
  deliveredOn: string;
  opinion: Opinion | 'none';
  opinionText?: string;
  witnessNote?: string;
  signedOn?: string;
}

export function SignoffPanel({ state, departments }: { state: StateDto; departments: { id: string; name: string }[] }) {
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const { can } = usePermissions();
  const [onlyUnsigned, setOnlyUnsigned] = useState(false);
  const list = useQuery('signoff.list', { yearId: state.yearId, departmentId, onlyUnsigned });
  const act = useAction();
  const [editing, setEditing] = useState<SignoffRowDto | null>(null);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [form] = Form.useForm<RecordForm>();
  const [bform] = Form.useForm<{ deliveredOn: string; signedOn: string }>();
  const opinion = Form.useWatch('opinion', form) as RecordForm['opinion'] | undefined;
  // 录入 and 批量签收 only for who may record them (yearend.decide), never offered to the auditor or admin
  const writable = state.stage === 'final' && can('yearend.decide');
  const c = list.data?.counts;

  const open = (r: SignoffRowDto) => {
    setEditing(r);
    form.setFieldsValue({
      deliveredOn: r.deliveredOn ?? state.today,
      opinion: r.opinion ?? 'none',
      opinionText: r.opinionText,
      witnessNote: r.witnessNote,
      signedOn: r.signedOn ?? r.deliveredOn ?? state.today,
    });
  };

  const save = async (v: RecordForm) => {
    if (!editing) return;
    const chosen: Opinion | null = v.opinion === 'none' ? null : v.opinion;
    const signed = chosen !== null;
    const r = await act(
      'signoff.record',
      {
        yearId: state.yearId,
        personId: editing.personId,
        deliveredOn: v.deliveredOn,
        opinion: chosen,
        opinionText: v.opinion === 'disagree' ? (v.opinionText ?? '') : '',
        witnessNote: v.opinion === 'refused' ? (v.witnessNote ?? '') : '',
        signedOn: signed ? (v.signedOn ?? null) : null,
      },
      `已保存 ${editing.name} 的送达签收记录`,
    );
    if (r) {
      setEditing(null);
      list.reload();
    }
  };

  const bulk = async (v: { deliveredOn: string; signedOn: string }) => {
    const r = await act('signoff.bulk', { yearId: state.yearId, departmentId, ...v });
    if (r) {
      setBulkOpen(false);
      list.reload();
      if (r.skipped.length)
        Modal.info({
          title: `已录入 ${r.recorded} 人；${r.skipped.length} 人未改动`,
          content: (
            <ul style={{ paddingLeft: 18 }}>
              {r.skipped.slice(0, 20).map((s) => (
                <li key={s.personId}>
                  {s.name}：{s.reason}
                </li>
              ))}
            </ul>
          ),
        });
    }
  };

  const deptName = departments.find((d) => d.id === departmentId)?.name ?? '全部人员';
  return (
    <Card size="small" title="送达与签收" style={{ marginBottom: 12 }} data-testid="signoff-panel">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        考核结果定档后书面送达本人，本人在登记表“本人意见”栏签署意见并签名。复核、申诉期限自此处录入的送达日期起计算。
        可打印的“送达签收表”在“材料打印”中。
      </Typography.Paragraph>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 8 }}>
        <Select
          style={{ width: 200 }}
          value={departmentId ?? ''}
          onChange={(v) => setDepartmentId(v || null)}
          options={[{ value: '', label: '全部人员' }, ...departments.map((d) => ({ value: d.id, label: d.name }))]}
          data-testid="signoff-department"
        />
        <Space>
          <Switch checked={onlyUnsigned} onChange={setOnlyUnsigned} data-testid="signoff-only-unsigned" />
          只看未签收
        </Space>
        {c && (
          <span data-testid="signoff-counts">
            共 {c.total} 人：已送达 {c.delivered}，已签收 {c.signed}，<b>未签收 {c.unsigned}</b>
            {c.disagree ? `，不同意 ${c.disagree}` : ''}
            {c.refused ? `，拒签 ${c.refused}` : ''}
          </span>
        )}
        {writable && (
          <Button size="small" onClick={() => setBulkOpen(true)} data-testid="signoff-bulk">
            批量签收（{deptName}）
          </Button>
        )}
      </Flex>
      {state.stage === 'archived' && <Alert type="info" showIcon message="本年度已归档，送达签收记录只读。" />}
      <Table<SignoffRowDto>
        size="small"
        rowKey="personId"
        loading={list.loading}
        dataSource={list.data?.rows ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: onlyUnsigned ? '所选范围内人员均已签收' : '没有考核人员' }}
        data-testid="signoff-table"
        columns={[
          { title: '人员编号', dataIndex: 'personNo', width: 90 },
          { title: '姓名', dataIndex: 'name', width: 80 },
          { title: '部门', dataIndex: 'departmentName', width: 120 },
          { title: '考核结果', dataIndex: 'resultLabel', width: 100 },
          { title: '送达日期', dataIndex: 'deliveredOn', width: 110, render: (v: string | null) => v ?? '未送达' },
          {
            title: '本人意见',
            render: (_: unknown, r) =>
              r.opinion ? (
                <span>
                  <Tag color={r.opinion === 'agree' ? 'green' : r.opinion === 'disagree' ? 'orange' : 'red'}>
                    {OPINION_LABEL[r.opinion]}
                  </Tag>
                  {r.opinion === 'disagree' ? r.opinionText : r.opinion === 'refused' ? `见证：${r.witnessNote}` : ''}
                </span>
              ) : (
                <Tag>未签收</Tag>
              ),
          },
          { title: '签收日期', dataIndex: 'signedOn', width: 110, render: (v: string | null) => v ?? '' },
          {
            title: '复核期限',
            width: 110,
            render: (_: unknown, r) => (
              <span title={r.reviewDeadlineBasis}>{r.reviewDeadline ? `至 ${r.reviewDeadline}` : ''}</span>
            ),
          },
          ...(writable
            ? [
                {
                  title: '',
                  width: 60,
                  render: (_: unknown, r: SignoffRowDto) => (
                    <a onClick={() => open(r)} data-testid={`signoff-edit-${r.personNo}`}>
                      录入
                    </a>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={!!editing}
        title={editing ? `送达与签收：${editing.name}（${editing.resultLabel}）` : ''}
        onCancel={() => setEditing(null)}
        onOk={() => void form.validateFields().then(save)}
        okText="保存"
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="deliveredOn" label="送达日期" rules={[{ required: true, message: '请填写送达日期' }]}>
            <IsoDatePicker data-testid="signoff-delivered" />
          </Form.Item>
          <Form.Item name="opinion" label="本人意见">
            <Radio.Group
              options={[
                { value: 'none', label: '已送达，待签收' },
                { value: 'agree', label: '同意' },
                { value: 'disagree', label: '不同意' },
                { value: 'refused', label: '拒签' },
              ]}
              data-testid="signoff-opinion"
            />
          </Form.Item>
          {opinion === 'disagree' && (
            <Form.Item
              name="opinionText"
              label="本人写明的不同意见"
              rules={[{ required: true, min: 2, message: '请填写本人的不同意见' }]}
            >
              <Input.TextArea rows={2} maxLength={2000} data-testid="signoff-opinion-text" />
            </Form.Item>
          )}
          {opinion === 'refused' && (
            <Form.Item
              name="witnessNote"
              label="见证情况（见证人姓名、送达方式及拒签情形）"
              rules={[{ required: true, min: 2, message: '请填写见证情况' }]}
            >
              <Input.TextArea rows={2} maxLength={2000} data-testid="signoff-witness" />
            </Form.Item>
          )}
          {opinion && opinion !== 'none' && (
            <Form.Item
              name="signedOn"
              label={opinion === 'refused' ? '拒签日期' : '签收日期'}
              rules={[{ required: true, message: '请填写日期' }]}
            >
              <IsoDatePicker data-testid="signoff-signed" />
            </Form.Item>
          )}
        </Form>
      </Modal>
      <Modal
        open={bulkOpen}
        title={`批量签收：${deptName}`}
        onCancel={() => setBulkOpen(false)}
        onOk={() => void bform.validateFields().then(bulk)}
        okText="录入"
        destroyOnHidden
      >
        <Typography.Paragraph>
          所选范围内尚未签收的人员，均按同一天送达、同一天本人签署“同意”录入；已签收的人员不改动。不同意或拒签的，请逐人录入。
        </Typography.Paragraph>
        <Form
          form={bform}
          layout="vertical"
          preserve={false}
          initialValues={{ deliveredOn: state.today, signedOn: state.today }}
        >
          <Form.Item name="deliveredOn" label="送达日期" rules={[{ required: true }]}>
            <IsoDatePicker data-testid="signoff-bulk-delivered" />
          </Form.Item>
          <Form.Item name="signedOn" label="签收日期" rules={[{ required: true }]}>
            <IsoDatePicker data-testid="signoff-bulk-signed" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
