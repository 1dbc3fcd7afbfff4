// The stage bar: collecting → review → notice → final → archived as Steps, with the next step's
// button, its blockers (why it cannot be taken yet) and the notice dates.
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Flex, Form, Input, Modal, Space, Steps, Typography } from 'antd';
import type { YearStage } from '@shared/domain/types';
import { useAction } from '../../hooks/useApi';
import type { StateDto } from './types';
import { IsoDatePicker } from '../../components/IsoDatePicker';
import { useDomainLabels, useT } from '../../i18n/language';

interface StageForm {
  noticeStart?: string;
  noticePlace?: string;
  reason?: string;
  confirmPastStart?: boolean;
}

const ORDER: YearStage[] = ['collecting', 'review', 'notice', 'final', 'archived'];

export function StageBar({ state, onChanged }: { state: StateDto; onChanged: () => void }) {
  const tr = useT();
  const labels = useDomainLabels();
  const act = useAction();
  const [dialog, setDialog] = useState<{ to: YearStage; back: boolean; label: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<StageForm>();
  const noticeStart = Form.useWatch('noticeStart', form);
  const backdated = !!noticeStart && noticeStart < state.today;
  const current = ORDER.indexOf(state.stage);

  const go = async (to: YearStage, values: StageForm) => {
    setBusy(true);
    const r = await act(
      'yearend.transition',
      { yearId: state.yearId, to, ...values },
      to === 'final' ? tr('stage.doneFinal') : tr('stage.moved', { stage: labels.stage[to] }),
    );
    setBusy(false);
    if (r) {
      setDialog(null);
      form.resetFields();
      onChanged();
    }
  };

  const open = (t: StateDto['transitions'][number]) => {
    if (t.to === 'notice' && !t.back) form.setFieldsValue({ noticeStart: state.today, noticePlace: '' });
    if (t.to === 'review' && !t.back) return void go('review', {});
    setDialog({ to: t.to, back: t.back, label: t.label });
  };

  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="stage-bar">
      <Steps
        size="small"
        current={current}
        items={ORDER.map((s, i) => ({
          title: labels.stage[s],
          description:
            s === 'review' && state.snapshotAt
              ? tr('stage.frozenOn', { date: state.snapshotAt.slice(0, 10) })
              : s === 'notice' && state.noticeStart
                ? tr('stage.noticeSpan', {
                    from: state.noticeStart,
                    to: state.noticeEnd ?? '',
                    days: state.noticeDays ?? '',
                  })
                : s === 'final' && state.finalizedAt
                  ? tr('stage.finalOn', { date: state.finalizedAt.slice(0, 10) })
                  : s === 'archived' && state.archivedAt
                    ? tr('stage.archivedOn', { date: state.archivedAt.slice(0, 10) })
                    : undefined,
          status: i < current ? 'finish' : i === current ? 'process' : 'wait',
        }))}
      />
      <Flex gap={12} align="flex-start" style={{ marginTop: 12 }} wrap>
        <Space wrap>
          {state.transitions.map((t) => (
            <Button
              key={t.to}
              type={t.back ? 'default' : 'primary'}
              danger={t.to === 'final'}
              disabled={t.blockers.length > 0}
              onClick={() => open(t)}
              data-testid={`stage-${t.to}`}
            >
              {t.back ? `← ${t.label}` : t.label}
            </Button>
          ))}
        </Space>
        <div style={{ flex: 1, minWidth: 300 }}>
          {state.transitions
            .filter((t) => !t.back && (t.blockers.length || t.warnings.length))
            .map((t) => (
              <Alert
                key={t.to}
                type={t.blockers.length ? 'warning' : 'info'}
                showIcon
                message={t.blockers.length ? tr('stage.before', { label: t.label }) : tr('stage.note')}
                description={
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {[...t.blockers, ...t.warnings].map((b) => (
                      <li key={b}>{b}</li>
                    ))}
                  </ul>
                }
              />
            ))}
          {state.stage === 'final' || state.stage === 'archived' ? (
            <Typography.Text type="secondary">
              {tr('stage.locked')}
              {state.settingsAsDecided ? tr('stage.asDecided') : ''}
            </Typography.Text>
          ) : null}
        </div>
      </Flex>
      <Modal
        open={!!dialog}
        title={dialog?.label}
        okText={dialog?.to === 'final' ? tr('stage.confirmFinal') : tr('stage.ok')}
        okButtonProps={{ danger: dialog?.to === 'final', loading: busy, 'data-testid': 'stage-confirm' }}
        onCancel={() => setDialog(null)}
        onOk={() => form.validateFields().then((v) => dialog && go(dialog.to, v))}
        destroyOnHidden
      >
        {dialog?.to === 'final' ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={tr('stage.finalWarn')}
            description={tr('stage.finalDetail')}
          />
        ) : null}
        <Form form={form} layout="vertical" preserve={false}>
          {dialog?.to === 'notice' && !dialog.back ? (
            <>
              <Form.Item
                name="noticeStart"
                label={tr('stage.noticeStart')}
                rules={[{ required: true, message: tr('stage.noticeStartRequired') }]}
              >
                <IsoDatePicker data-testid="notice-start" />
              </Form.Item>
              {backdated ? (
                <Form.Item
                  name="confirmPastStart"
                  valuePropName="checked"
                  rules={[
                    {
                      validator: (_r, v: boolean | undefined) =>
                        v ? Promise.resolve() : Promise.reject(new Error(tr('stage.pastStartRequired'))),
                    },
                  ]}
                >
                  <Checkbox data-testid="notice-backdated">{tr('stage.pastStart', { today: state.today })}</Checkbox>
                </Form.Item>
              ) : null}
              <Form.Item name="noticePlace" label={tr('stage.noticePlace')}>
                <Input maxLength={200} />
              </Form.Item>
            </>
          ) : null}
          {dialog?.back ? (
            <Form.Item
              name="reason"
              label={tr('stage.backReason')}
              rules={[{ required: true, min: 2, message: tr('stage.reasonRequired') }]}
            >
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </Card>
  );
}
