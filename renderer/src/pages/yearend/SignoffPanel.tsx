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
import { useT } from '../../i18n/language';

type Opinion = 'agree' | 'disagree' | 'refused';

interface RecordForm {
  deliveredOn: string;
  opinion: Opinion | 'none';
  opinionText?: string;
  witnessNote?: string;
  signedOn?: string;
}

export function SignoffPanel({ state, departments }: { state: StateDto; departments: { id: string; name: string }[] }) {
  const t = useT();
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
      t('signoff.saved', { name: editing.name }),
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
          title: t('signoff.bulkDone', { n: r.recorded, skipped: r.skipped.length }),
          content: (
            <ul style={{ paddingLeft: 18 }}>
              {r.skipped.slice(0, 20).map((s) => (
                <li key={s.personId}>{t('signoff.skipped', { name: s.name, reason: s.reason })}</li>
              ))}
            </ul>
          ),
        });
    }
  };

  const deptName = departments.find((d) => d.id === departmentId)?.name ?? t('signoff.everyone');
  return (
    <Card size="small" title={t('signoff.title')} style={{ marginBottom: 12 }} data-testid="signoff-panel">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('signoff.intro')}
      </Typography.Paragraph>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 8 }}>
        <Select
          style={{ width: 200 }}
          value={departmentId ?? ''}
          onChange={(v) => setDepartmentId(v || null)}
          options={[
            { value: '', label: t('signoff.everyone') },
            ...departments.map((d) => ({ value: d.id, label: d.name })),
          ]}
          data-testid="signoff-department"
        />
        <Space>
          <Switch checked={onlyUnsigned} onChange={setOnlyUnsigned} data-testid="signoff-only-unsigned" />
          {t('signoff.onlyUnsigned')}
        </Space>
        {c && (
          <span data-testid="signoff-counts">
            {t('signoff.counts', { total: c.total, delivered: c.delivered, signed: c.signed })}
            <b>{t('signoff.unsignedCount', { n: c.unsigned })}</b>
            {c.disagree ? t('signoff.disagreeCount', { n: c.disagree }) : ''}
            {c.refused ? t('signoff.refusedCount', { n: c.refused }) : ''}
          </span>
        )}
        {writable && (
          <Button size="small" onClick={() => setBulkOpen(true)} data-testid="signoff-bulk">
            {t('signoff.bulk', { scope: deptName })}
          </Button>
        )}
      </Flex>
      {state.stage === 'archived' && <Alert type="info" showIcon message={t('signoff.archived')} />}
      <Table<SignoffRowDto>
        size="small"
        rowKey="personId"
        loading={list.loading}
        dataSource={list.data?.rows ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: onlyUnsigned ? t('signoff.allSigned') : t('signoff.nobody') }}
        data-testid="signoff-table"
        columns={[
          { title: t('signoff.col.personNo'), dataIndex: 'personNo', width: 90 },
          { title: t('signoff.col.name'), dataIndex: 'name', width: 80 },
          { title: t('signoff.col.dept'), dataIndex: 'departmentName', width: 120 },
          { title: t('signoff.col.result'), dataIndex: 'resultLabel', width: 100 },
          {
            title: t('signoff.col.delivered'),
            dataIndex: 'deliveredOn',
            width: 110,
            render: (v: string | null) => v ?? t('signoff.notDelivered'),
          },
          {
            title: t('signoff.col.opinion'),
            render: (_: unknown, r) =>
              r.opinion ? (
                <span>
                  <Tag color={r.opinion === 'agree' ? 'green' : r.opinion === 'disagree' ? 'orange' : 'red'}>
                    {t(`signoff.opinion.${r.opinion}`)}
                  </Tag>
                  {r.opinion === 'disagree'
                    ? r.opinionText
                    : r.opinion === 'refused'
                      ? t('signoff.witness', { note: r.witnessNote })
                      : ''}
                </span>
              ) : (
                <Tag>{t('signoff.unsigned')}</Tag>
              ),
          },
          { title: t('signoff.col.signed'), dataIndex: 'signedOn', width: 110, render: (v: string | null) => v ?? '' },
          {
            title: t('signoff.col.deadline'),
            width: 110,
            render: (_: unknown, r) => (
              <span title={r.reviewDeadlineBasis}>
                {r.reviewDeadline ? t('signoff.until', { date: r.reviewDeadline }) : ''}
              </span>
            ),
          },
          ...(writable
            ? [
                {
                  title: '',
                  width: 60,
                  render: (_: unknown, r: SignoffRowDto) => (
                    <a onClick={() => open(r)} data-testid={`signoff-edit-${r.personNo}`}>
                      {t('signoff.record')}
                    </a>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={!!editing}
        title={editing ? t('signoff.editTitle', { name: editing.name, result: editing.resultLabel }) : ''}
        onCancel={() => setEditing(null)}
        onOk={() => void form.validateFields().then(save)}
        okText={t('signoff.save')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="deliveredOn"
            label={t('signoff.col.delivered')}
            rules={[{ required: true, message: t('signoff.deliveredRequired') }]}
          >
            <IsoDatePicker data-testid="signoff-delivered" />
          </Form.Item>
          <Form.Item name="opinion" label={t('signoff.col.opinion')}>
            <Radio.Group
              options={[
                { value: 'none', label: t('signoff.opinion.none') },
                { value: 'agree', label: t('signoff.opinion.agree') },
                { value: 'disagree', label: t('signoff.opinion.disagree') },
                { value: 'refused', label: t('signoff.opinion.refused') },
              ]}
              data-testid="signoff-opinion"
            />
          </Form.Item>
          {opinion === 'disagree' && (
            <Form.Item
              name="opinionText"
              label={t('signoff.opinionText')}
              rules={[{ required: true, min: 2, message: t('signoff.opinionTextRequired') }]}
            >
              <Input.TextArea rows={2} maxLength={2000} data-testid="signoff-opinion-text" />
            </Form.Item>
          )}
          {opinion === 'refused' && (
            <Form.Item
              name="witnessNote"
              label={t('signoff.witnessNote')}
              rules={[{ required: true, min: 2, message: t('signoff.witnessRequired') }]}
            >
              <Input.TextArea rows={2} maxLength={2000} data-testid="signoff-witness" />
            </Form.Item>
          )}
          {opinion && opinion !== 'none' && (
            <Form.Item
              name="signedOn"
              label={opinion === 'refused' ? t('signoff.refusedOn') : t('signoff.col.signed')}
              rules={[{ required: true, message: t('signoff.dateRequired') }]}
            >
              <IsoDatePicker data-testid="signoff-signed" />
            </Form.Item>
          )}
        </Form>
      </Modal>
      <Modal
        open={bulkOpen}
        title={t('signoff.bulkTitle', { scope: deptName })}
        onCancel={() => setBulkOpen(false)}
        onOk={() => void bform.validateFields().then(bulk)}
        okText={t('signoff.record')}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('signoff.bulkNote')}</Typography.Paragraph>
        <Form
          form={bform}
          layout="vertical"
          preserve={false}
          initialValues={{ deliveredOn: state.today, signedOn: state.today }}
        >
          <Form.Item name="deliveredOn" label={t('signoff.col.delivered')} rules={[{ required: true }]}>
            <IsoDatePicker data-testid="signoff-bulk-delivered" />
          </Form.Item>
          <Form.Item name="signedOn" label={t('signoff.col.signed')} rules={[{ required: true }]}>
            <IsoDatePicker data-testid="signoff-bulk-signed" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
