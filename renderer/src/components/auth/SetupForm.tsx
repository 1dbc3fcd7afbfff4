// 首次使用: creates the administrator (系统管理员) and the security administrator (安全管理员) together —
// 等保 keeps them apart, and only a security administrator can create further operators.
import { useState } from 'react';
import { Alert, Button, Col, Divider, Form, Input, Row, Typography } from 'antd';
import { ApiError, call } from '../../api/client';
import { CenteredCard, PASSWORD_RULE_TEXT, passwordRuleProblem } from './CenteredCard';

interface Account {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}

function AccountFields({ prefix, title, hint }: { prefix: 'admin' | 'security'; title: string; hint: string }) {
  return (
    <>
      <Divider titlePlacement="start" style={{ marginTop: 0 }}>
        {title}
      </Divider>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {hint}
      </Typography.Paragraph>
      <Form.Item
        label="用户名"
        name={[prefix, 'username']}
        rules={[
          { required: true, message: '请输入用户名' },
          { pattern: /^[A-Za-z0-9_.\-\u4e00-\u9fa5]{2,32}$/, message: '2–32 位字母、数字、汉字或 _ . -' },
        ]}
      >
        <Input maxLength={32} autoComplete="off" />
      </Form.Item>
      <Form.Item label="姓名" name={[prefix, 'displayName']} rules={[{ required: true, message: '请输入姓名' }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item
        label="密码"
        name={[prefix, 'password']}
        extra={PASSWORD_RULE_TEXT}
        dependencies={[[prefix, 'username']]}
        rules={[
          { required: true, message: '请输入密码' },
          ({ getFieldValue }) => ({
            validator: (_r, v: string | undefined) => {
              const p = v ? passwordRuleProblem(v, getFieldValue([prefix, 'username']) as string | undefined) : null;
              return p ? Promise.reject(new Error(p)) : Promise.resolve();
            },
          }),
        ]}
      >
        <Input.Password maxLength={128} autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认密码"
        name={[prefix, 'confirm']}
        dependencies={[[prefix, 'password']]}
        rules={[
          { required: true, message: '请再次输入密码' },
          ({ getFieldValue }) => ({
            validator: (_r, v: string | undefined) =>
              v === getFieldValue([prefix, 'password'])
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的密码不一致')),
          }),
        ]}
      >
        <Input.Password maxLength={128} autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

export function SetupForm({ onDone }: { onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { admin: Account; security: Account }) => {
    setBusy(true);
    setError(null);
    const strip = ({ confirm: _c, ...a }: Account) => a;
    try {
      await call('auth.setup', { admin: strip(v.admin), security: strip(v.security) });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <CenteredCard
      title="首次使用：创建管理员账号"
      subtitle="本机尚无操作员。请创建系统管理员和安全管理员两个账号（按等级保护要求分设，由不同人员保管）。创建后以系统管理员登录，按“开始使用”的步骤建立单位、部门、人员和年度，再由安全管理员新建考核办经办人账号。"
      width={820}
    >
      {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} /> : null}
      <Form layout="vertical" onFinish={submit} requiredMark={false}>
        <Row gutter={32}>
          <Col span={12}>
            <AccountFields
              prefix="admin"
              title="系统管理员"
              hint="维护人员名册、年度设置和备份；创建后即登录。评定、事件和年终决定由安全管理员另建的“考核办经办人”账号完成。"
            />
          </Col>
          <Col span={12}>
            <AccountFields prefix="security" title="安全管理员" hint="创建和停用操作员、重置密码、设置锁定规则。" />
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" block loading={busy}>
          创建并登录
        </Button>
      </Form>
    </CenteredCard>
  );
}
