// 公示: the notice period and the objections received during it, each recorded and then resolved.
import { useState } from 'react';
import { Button, Card, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { useAction, useQuery } from '../../hooks/useApi';
import { PersonPicker } from './PersonPicker';
import type { StateDto } from './types';
import type { InputOf } from '@shared/api';
import { IsoDatePicker } from '../../components/IsoDatePicker';
import { useT } from '../../i18n/language';

type ObjectionForm = Omit<InputOf<'yearend.addObjection'>, 'yearId'>;
type ResolveForm = Omit<InputOf<'yearend.resolveObjection'>, 'objectionId'>;

export function NoticePanel({ state, onChanged }: { state: StateDto; onChanged: () => void }) {
  const t = useT();
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
      title={
        state.noticeStart
          ? t('notice.titleOf', {
              from: state.noticeStart,
              to: state.noticeEnd ?? '',
              days: state.noticeDays ?? '',
              place: state.noticePlace ? t('notice.place', { place: state.noticePlace }) : '',
            })
          : t('notice.title')
      }
      extra={
        state.stage === 'notice' ? (
          <Button size="small" onClick={() => setAdding(true)} data-testid="add-objection">
            {t('notice.add')}
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
        locale={{ emptyText: t('notice.empty') }}
        columns={[
          { title: t('notice.col.received'), dataIndex: 'receivedOn', width: 110 },
          {
            title: t('notice.col.person'),
            dataIndex: 'personName',
            width: 100,
            render: (v: string | null) => v ?? t('notice.overall'),
          },
          { title: t('notice.col.raisedBy'), dataIndex: 'raisedBy', width: 90 },
          { title: t('notice.col.content'), dataIndex: 'content' },
          {
            title: t('notice.col.handling'),
            width: 260,
            render: (_, o) =>
              o.status === 'open' ? (
                <Button size="small" type="link" onClick={() => setResolving(o.id)}>
                  <Tag color="red">{t('notice.pending')}</Tag>
                  {t('notice.enterHandling')}
                </Button>
              ) : (
                <Typography.Text>
                  {t('notice.handled', { date: o.resolvedOn ?? '', handling: o.handling ?? '' })}
                </Typography.Text>
              ),
          },
        ]}
      />
      <Modal
        open={adding}
        title={t('notice.addTitle')}
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
                t('notice.added'),
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
            label={t('notice.col.received')}
            rules={[{ required: true }]}
            extra={
              state.noticeStart ? t('notice.within', { from: state.noticeStart, to: state.noticeEnd ?? '' }) : undefined
            }
          >
            <IsoDatePicker />
          </Form.Item>
          <Form.Item name="personId" label={t('notice.personOptional')}>
            <PersonPicker yearId={state.yearId} allowClear />
          </Form.Item>
          <Form.Item name="raisedBy" label={t('notice.col.raisedBy')}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item
            name="content"
            label={t('notice.contentLabel')}
            rules={[{ required: true, message: t('notice.contentRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!resolving}
        title={t('notice.resolveTitle')}
        onCancel={() => setResolving(null)}
        destroyOnHidden
        onOk={() =>
          rform.validateFields().then(async (v) => {
            if (
              resolving &&
              (await act(
                'yearend.resolveObjection',
                { objectionId: resolving, handling: v.handling, resolvedOn: v.resolvedOn },
                t('notice.resolved'),
              ))
            ) {
              setResolving(null);
              refresh();
            }
          })
        }
      >
        <Form form={rform} layout="vertical" preserve={false} initialValues={{ resolvedOn: state.today }}>
          <Form.Item name="resolvedOn" label={t('notice.resolvedOn')} rules={[{ required: true }]}>
            <IsoDatePicker />
          </Form.Item>
          <Form.Item
            name="handling"
            label={t('notice.handling')}
            rules={[{ required: true, min: 2, message: t('notice.handlingRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} placeholder={t('notice.handlingPlaceholder')} />
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
