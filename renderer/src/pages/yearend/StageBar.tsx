// The stage bar: collecting → review → notice → final → archived as Steps, with the next step's
// button, its blockers (why it cannot be taken yet) and the notice dates.
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Flex, Form, Input, Modal, Space, Steps, Typography } from 'antd';
import { STAGE_LABEL } from '@shared/domain/labels';
import type { YearStage } from '@shared/domain/types';
import { useAction } from '../../hooks/useApi';
import type { StateDto } from './types';
import { IsoDatePicker } from '../../components/IsoDatePicker';

interface StageForm {
  noticeStart?: string;
  noticePlace?: string;
  reason?: string;
  confirmPastStart?: boolean;
}

const ORDER: YearStage[] = ['collecting', 'review', 'notice', 'final', 'archived'];

export function StageBar({ state, onChanged }: { state: StateDto; onChanged: () => void }) {
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
      `已${STAGE_LABEL[to] === '已定档' ? '定档' : `转入“${STAGE_LABEL[to]}”`}`,
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
          title: STAGE_LABEL[s],
          description:
            s === 'review' && state.snapshotAt
              ? `建议冻结于 ${state.snapshotAt.slice(0, 10)}`
              : s === 'notice' && state.noticeStart
                ? `${state.noticeStart} 至 ${state.noticeEnd}（${state.noticeDays} 个工作日）`
                : s === 'final' && state.finalizedAt
                  ? `定档于 ${state.finalizedAt.slice(0, 10)}`
                  : s === 'archived' && state.archivedAt
                    ? `归档于 ${state.archivedAt.slice(0, 10)}`
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
                message={t.blockers.length ? `${t.label}前还需：` : '请注意：'}
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
              本年度已锁定：平时考核、事件和考核决定均不能再修改；结果只能通过下方“复核与申诉”变更。
              {state.settingsAsDecided ? ' 按定档时的年度设置显示。' : ''}
            </Typography.Text>
          ) : null}
        </div>
      </Flex>
      <Modal
        open={!!dialog}
        title={dialog?.label}
        okText={dialog?.to === 'final' ? '确认定档' : '确定'}
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
            message="定档后本年度的平时考核、事件和考核决定将被锁定"
            description="定档前会自动备份数据；本年度设置随年度保存，以后按定档时的规则重新打开和打印。"
          />
        ) : null}
        <Form form={form} layout="vertical" preserve={false}>
          {dialog?.to === 'notice' && !dialog.back ? (
            <>
              <Form.Item
                name="noticeStart"
                label="公示开始日期"
                rules={[{ required: true, message: '请选择公示开始日期' }]}
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
                        v
                          ? Promise.resolve()
                          : Promise.reject(new Error('开始日期早于今天：请确认公示已于该日张贴，或改为今天或以后')),
                    },
                  ]}
                >
                  <Checkbox data-testid="notice-backdated">
                    公示已于该日张贴（补录）——开始日期早于今天（{state.today}），公示期从该日算起
                  </Checkbox>
                </Form.Item>
              ) : null}
              <Form.Item name="noticePlace" label="异议受理地点（如：组织人事科，电话……）">
                <Input maxLength={200} />
              </Form.Item>
            </>
          ) : null}
          {dialog?.back ? (
            <Form.Item
              name="reason"
              label="退回原因（记入审计日志）"
              rules={[{ required: true, min: 2, message: '请填写原因' }]}
            >
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </Card>
  );
}
