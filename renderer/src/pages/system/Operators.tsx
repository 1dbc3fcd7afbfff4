// 操作员 (安全管理员): list, create, edit role and scope, disable/enable, reset password; lockout settings.
import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { OperatorInfoDto } from '@shared/api/trust';
import { ROLE_LABELS } from '@shared/auth/permissions';
import { useAction, useQuery } from '../../hooks/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OperatorForm, type OperatorFormValues } from './OperatorForm';

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

  const submit = async (v: OperatorFormValues): Promise<boolean> => {
    const scope = v.role === 'rater' || v.role === 'clerk' ? (v.unitScope ?? []) : [];
    const r = editing
      ? await run(
          'operators.update',
          { id: editing.id, displayName: v.displayName, role: v.role, unitScope: scope },
          '已保存',
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
          '已新建操作员，首次登录须修改密码',
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
      title: op.disabled ? `启用 ${op.displayName}？` : `停用 ${op.displayName}？`,
      content: <Input placeholder="原因（必填）" maxLength={200} onChange={(e) => (reason = e.target.value)} />,
      okText: op.disabled ? '启用' : '停用',
      onOk: async () => {
        if (!reason.trim()) throw new Error('请填写原因');
        if (
          await run(
            'operators.setDisabled',
            { id: op.id, disabled: !op.disabled, reason: reason.trim() },
            op.disabled ? '已启用' : '已停用',
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
          message="开始使用的最后一步：新建“考核办经办人”账号"
          description="平时考核、事件记录和年终决定只能由考核办经办人完成。请点“新建操作员”，角色选“考核办经办人”，设置初始密码后交给经办人；经办人首次登录修改密码后即可开始工作。"
          action={
            <Button
              type="primary"
              data-testid="create-clerk"
              onClick={() => {
                setEditing(null);
                setFormOpen(true);
              }}
            >
              新建经办人
            </Button>
          }
        />
      ) : null}
      <Flex justify="space-between" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          系统管理员、安全管理员和审计员由不同人员担任；新账号首次登录须修改密码。
        </Typography.Text>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            setEditing(null);
            setFormOpen(true);
          }}
        >
          新建操作员
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
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', dataIndex: 'role', render: (r: OperatorInfoDto['role']) => ROLE_LABELS[r] },
          {
            title: '授权部门',
            dataIndex: 'unitScope',
            render: (s: string[]) => (s.length ? `${s.length} 个` : '全部/不适用'),
          },
          {
            title: '状态',
            render: (_: unknown, op) => (
              <Space size={4}>
                {op.disabled ? <Tag color="default">已停用</Tag> : <Tag color="green">正常</Tag>}
                {op.lockedUntil && op.lockedUntil > new Date().toISOString() ? (
                  <Tag color="red">锁定至 {stamp(op.lockedUntil)}</Tag>
                ) : null}
                {op.mustChangePassword ? <Tag color="orange">待改密码</Tag> : null}
              </Space>
            ),
          },
          { title: '最近登录', dataIndex: 'lastLoginAt', render: stamp },
          {
            title: '操作',
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
                  修改
                </Button>
                <Button type="link" size="small" onClick={() => setResetting(op)}>
                  重置密码
                </Button>
                <Button type="link" size="small" danger={!op.disabled} onClick={() => toggle(op)}>
                  {op.disabled ? '启用' : '停用'}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <OperatorForm open={formOpen} editing={editing} onCancel={() => setFormOpen(false)} onSubmit={submit} />
      <Modal
        title={`重置密码：${resetting?.displayName ?? ''}`}
        open={!!resetting}
        onCancel={() => setResetting(null)}
        destroyOnHidden
        okText="重置"
        onOk={async () => {
          const v = await resetForm.validateFields();
          if (
            resetting &&
            (await run(
              'operators.resetPassword',
              { id: resetting.id, password: v.password },
              '已重置，并解除锁定；对方下次登录须修改密码',
            ))
          ) {
            setResetting(null);
            list.reload();
          }
        }}
      >
        <Form form={resetForm} layout="vertical" preserve={false}>
          <Form.Item
            label="临时密码"
            name="password"
            extra="请当面告知本人；下次登录时须修改。"
            rules={[
              { required: true, message: '请输入临时密码' },
              { min: 8, message: '至少 8 位' },
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
  if (!settings.data) return null;
  return (
    <Form
      layout="inline"
      style={{ marginTop: 20 }}
      initialValues={settings.data}
      onFinish={(v: { maxFailedLogins: number; lockoutMinutes: number; idleLockMinutes: number }) =>
        void run('auth.saveSettings', v, '登录设置已保存').then(() => settings.reload())
      }
    >
      <Form.Item label="连续输错" name="maxFailedLogins" rules={[{ required: true }]}>
        <InputNumber min={3} max={20} suffix="次锁定" style={{ width: 110 }} />
      </Form.Item>
      <Form.Item label="锁定" name="lockoutMinutes" rules={[{ required: true }]}>
        <InputNumber min={1} max={1440} suffix="分钟" style={{ width: 110 }} />
      </Form.Item>
      <Form.Item
        label="空闲锁屏"
        name="idleLockMinutes"
        rules={[{ required: true }]}
        tooltip="无操作多少分钟后锁定窗口；0 表示不锁定（不建议）"
      >
        <InputNumber min={0} max={240} suffix="分钟" style={{ width: 110 }} />
      </Form.Item>
      <Button htmlType="submit">保存登录设置</Button>
    </Form>
  );
}
