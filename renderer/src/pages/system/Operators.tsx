// 操作员 (安全管理员): list, create, edit role and scope, disable/enable, reset password; lockout settings.
import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { OperatorInfoDto } from '@shared/api/trust';
import { useAction, useQuery } from '../../hooks/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OperatorForm, type OperatorFormValues } from './OperatorForm';
import { useDomainLabels, useT } from '../../i18n/language';

function stamp(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function Operators() {
  const list = useQuery('operators.list', {});
  const run = useAction();
  // Themed dialogs (the static Modal.confirm cannot see the app's theme and locale).
  const { modal } = App.useApp();
  const [editing, setEditing] = useState<OperatorInfoDto | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [resetting, setResetting] = useState<OperatorInfoDto | null>(null);
  const [resetForm] = Form.useForm<{ password: string }>();
  const t = useT();
  const domain = useDomainLabels();

  const submit = async (v: OperatorFormValues): Promise<boolean> => {
    const scope = v.role === 'rater' || v.role === 'clerk' ? (v.unitScope ?? []) : [];
    const r = editing
      ? await run(
          'operators.update',
          { id: editing.id, displayName: v.displayName, role: v.role, unitScope: scope },
          t('op.saved'),
        )
      : await run(
          'operators.create',
          {
            username: v.username,
            displayName: v.displayName,
            role: v.role,
            unitScope: scope,
            password: v.password ?? '',
          },
          t('op.created'),
        );
    if (r) {
      setFormOpen(false);
      list.reload();
    }
    return !!r;
  };

  const toggle = (op: OperatorInfoDto) => {
    let reason = '';
    modal.confirm({
      title: t(op.disabled ? 'op.enableTitle' : 'op.disableTitle', { name: op.displayName }),
      content: <Input placeholder={t('op.reason')} maxLength={200} onChange={(e) => (reason = e.target.value)} />,
      okText: t(op.disabled ? 'op.enable' : 'op.disable'),
      onOk: async () => {
        if (!reason.trim()) throw new Error(t('op.reasonRequired'));
        if (
          await run(
            'operators.setDisabled',
            { id: op.id, disabled: !op.disabled, reason: reason.trim() },
            t(op.disabled ? 'op.enabled' : 'op.disabled'),
          )
        )
          list.reload();
      },
    });
  };

  // first run: until a 考核办经办人 exists nobody can rate, record events or decide
  const noClerk = !!list.data && !list.data.rows.some((op) => op.role === 'clerk' && !op.disabled);

  return (
    <>
      {noClerk ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="no-clerk"
          message={t('op.noClerk')}
          description={t('op.noClerkText')}
          action={
            <Button
              type="primary"
              data-testid="create-clerk"
              onClick={() => {
                setEditing(null);
                setFormOpen(true);
              }}
            >
              {t('op.createClerk')}
            </Button>
          }
        />
      ) : null}
      <Flex justify="space-between" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('op.note')}</Typography.Text>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            setEditing(null);
            setFormOpen(true);
          }}
        >
          {t('op.create')}
        </Button>
      </Flex>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<OperatorInfoDto>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.rows ?? []}
        pagination={false}
        columns={[
          { title: t('op.col.username'), dataIndex: 'username' },
          { title: t('op.col.name'), dataIndex: 'displayName' },
          { title: t('op.col.role'), dataIndex: 'role', render: (r: OperatorInfoDto['role']) => domain.role[r] },
          {
            title: t('op.col.scope'),
            dataIndex: 'unitScope',
            render: (s: string[]) => (s.length ? t('op.scopeCount', { n: s.length }) : t('op.scopeAll')),
          },
          {
            title: t('op.col.state'),
            render: (_: unknown, op) => (
              <Space size={4}>
                {op.disabled ? (
                  <Tag color="default">{t('op.state.disabled')}</Tag>
                ) : (
                  <Tag color="green">{t('op.state.ok')}</Tag>
                )}
                {op.lockedUntil && op.lockedUntil > new Date().toISOString() ? (
                  <Tag color="red">{t('op.lockedUntil', { at: stamp(op.lockedUntil) })}</Tag>
                ) : null}
                {op.mustChangePassword ? <Tag color="orange">{t('op.mustChange')}</Tag> : null}
              </Space>
            ),
          },
          { title: t('op.col.lastLogin'), dataIndex: 'lastLoginAt', render: stamp },
          {
            title: t('op.col.actions'),
            render: (_: unknown, op) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  onClick={() => {
                    setEditing(op);
                    setFormOpen(true);
                  }}
                >
                  {t('op.edit')}
                </Button>
                <Button type="link" size="small" onClick={() => setResetting(op)}>
                  {t('op.resetPassword')}
                </Button>
                <Button type="link" size="small" danger={!op.disabled} onClick={() => toggle(op)}>
                  {t(op.disabled ? 'op.enable' : 'op.disable')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <OperatorForm open={formOpen} editing={editing} onCancel={() => setFormOpen(false)} onSubmit={submit} />
      <Modal
        title={t('op.resetTitle', { name: resetting?.displayName ?? '' })}
        open={!!resetting}
        onCancel={() => setResetting(null)}
        destroyOnHidden
        okText={t('op.reset')}
        onOk={async () => {
          const v = await resetForm.validateFields();
          if (
            resetting &&
            (await run('operators.resetPassword', { id: resetting.id, password: v.password }, t('op.resetDone')))
          ) {
            setResetting(null);
            list.reload();
          }
        }}
      >
        <Form form={resetForm} layout="vertical" preserve={false}>
          <Form.Item
            label={t('op.tempPassword')}
            name="password"
            extra={t('op.tempPasswordHint')}
            rules={[
              { required: true, message: t('op.tempPasswordRequired') },
              { min: 8, message: t('op.min8') },
            ]}
          >
            <Input.Password maxLength={128} autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
      <LockoutSettings />
    </>
  );
}

function LockoutSettings() {
  const settings = useQuery('auth.getSettings', {});
  const run = useAction();
  const t = useT();
  if (!settings.data) return null;
  return (
    <Form
      layout="inline"
      style={{ marginTop: 20 }}
      initialValues={settings.data}
      onFinish={(v: { maxFailedLogins: number; lockoutMinutes: number; idleLockMinutes: number }) =>
        void run('auth.saveSettings', v, t('op.lockSaved')).then(() => settings.reload())
      }
    >
      <Form.Item label={t('op.maxFailed')} name="maxFailedLogins" rules={[{ required: true }]}>
        <InputNumber min={3} max={20} suffix={t('op.timesLock')} style={{ width: 130 }} />
      </Form.Item>
      <Form.Item label={t('op.lockMinutes')} name="lockoutMinutes" rules={[{ required: true }]}>
        <InputNumber min={1} max={1440} suffix={t('op.minutes')} style={{ width: 110 }} />
      </Form.Item>
      <Form.Item
        label={t('op.idleLock')}
        name="idleLockMinutes"
        rules={[{ required: true }]}
        tooltip={t('op.idleLockHint')}
      >
        <InputNumber min={0} max={240} suffix={t('op.minutes')} style={{ width: 110 }} />
      </Form.Item>
      <Button htmlType="submit">{t('op.saveLock')}</Button>
    </Form>
  );
}
