// 公示: the notice period and the objections received during it, each recorded and then resolved.
import { useState } from 'react';
import { Button, Card, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { useAction, useQuery } from '../../hooks/useApi';
import { PersonPicker } from './PersonPicker';
import type { StateDto } from './types';
import type { InputOf } from '@shared/api';
import { IsoDatePicker } from '../../components/IsoDatePicker';

type ObjectionForm = Omit<InputOf<'yearend.addObjection'>, 'yearId'>;
type ResolveForm = Omit<InputOf<'yearend.resolveObjection'>, 'objectionId'>;

export function NoticePanel({ state, onChanged }: { state: StateDto; onChanged: () => void }) {
  const list = useQuery('yearend.objections', { yearId: state.yearId });
  const act = useAction();
  const [adding, setAdding] = useState(false);
  const [resolving, setResolving] = useState<string | null>(null);
  const [form] = Form.useForm<ObjectionForm>();
  const [rform] = Form.useForm<ResolveForm>();
  const refresh = () => {
    list.reload();
    onChanged();
  };
  return (
    <Card
      size="small"
      title={`公示与异议${state.noticeStart ? `（公示期 ${state.noticeStart} 至 ${state.noticeEnd}，${state.noticeDays} 个工作日${state.noticePlace ? `；受理：${state.noticePlace}` : ''}）` : ''}`}
      extra={
        state.stage === 'notice' ? (
          <Button size="small" onClick={() => setAdding(true)} data-testid="add-objection">
            登记异议
          </Button>
        ) : null
      }
      style={{ marginBottom: 12 }}
    >
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={list.data ?? []}
        locale={{ emptyText: '未收到异议' }}
        columns={[
          { title: '收到日期', dataIndex: 'receivedOn', width: 110 },
          { title: '涉及人员', dataIndex: 'personName', width: 100, render: (v: string | null) => v ?? '（总体）' },
          { title: '反映人', dataIndex: 'raisedBy', width: 90 },
          { title: '内容', dataIndex: 'content' },
          {
            title: '处理',
            width: 260,
            render: (_, o) =>
              o.status === 'open' ? (
                <Button size="small" type="link" onClick={() => setResolving(o.id)}>
                  <Tag color="red">待处理</Tag>录入处理结果
                </Button>
              ) : (
                <Typography.Text>
                  {o.resolvedOn}：{o.handling}
                </Typography.Text>
              ),
          },
        ]}
      />
      <Modal
        open={adding}
        title="登记公示期间收到的异议"
        onCancel={() => setAdding(false)}
        destroyOnHidden
        onOk={() =>
          form.validateFields().then(async (v) => {
            if (
              await act(
                'yearend.addObjection',
                {
                  yearId: state.yearId,
                  personId: v.personId ?? null,
                  receivedOn: v.receivedOn,
                  raisedBy: v.raisedBy ?? '',
                  content: v.content,
                },
                '异议已登记',
              )
            ) {
              setAdding(false);
              refresh();
            }
          })
        }
      >
        <Form form={form} layout="vertical" preserve={false} initialValues={{ receivedOn: receivedDefault(state) }}>
          <Form.Item
            name="receivedOn"
            label="收到日期"
            rules={[{ required: true }]}
            extra={state.noticeStart ? `须在公示期 ${state.noticeStart} 至 ${state.noticeEnd} 之内` : undefined}
          >
            <IsoDatePicker />
          </Form.Item>
          <Form.Item name="personId" label="涉及人员（可不选）">
            <PersonPicker yearId={state.yearId} allowClear />
          </Form.Item>
          <Form.Item name="raisedBy" label="反映人">
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="content" label="异议内容" rules={[{ required: true, message: '请填写异议内容' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!resolving}
        title="录入异议处理结果"
        onCancel={() => setResolving(null)}
        destroyOnHidden
        onOk={() =>
          rform.validateFields().then(async (v) => {
            if (
              resolving &&
              (await act(
                'yearend.resolveObjection',
                { objectionId: resolving, handling: v.handling, resolvedOn: v.resolvedOn },
                '已录入处理结果',
              ))
            ) {
              setResolving(null);
              refresh();
            }
          })
        }
      >
        <Form form={rform} layout="vertical" preserve={false} initialValues={{ resolvedOn: state.today }}>
          <Form.Item name="resolvedOn" label="处理日期" rules={[{ required: true }]}>
            <IsoDatePicker />
          </Form.Item>
          <Form.Item name="handling" label="处理结果" rules={[{ required: true, min: 2, message: '请填写处理结果' }]}>
            <Input.TextArea rows={3} maxLength={2000} placeholder="如：经核实不成立，维持原结果" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** Today while the notice is up; entered after it ended, its last day (a date after it is refused). */
function receivedDefault(state: StateDto): string {
  if (state.noticeEnd && state.today > state.noticeEnd) return state.noticeEnd;
  return state.today;
}
