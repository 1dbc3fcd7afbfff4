// 首次使用: creates the administrator (系统管理员) and the security administrator (安全管理员) together —
// 等保 keeps them apart, and only a security administrator can create further operators.
import { useState } from 'react';
import { Alert, Button, Col, Divider, Form, Input, Row, Typography } from 'antd';
import { ApiError, call } from '../../api/client';
import { CenteredCard, PASSWORD_RULE_KEY, passwordRuleProblem } from './CenteredCard';
import { useT } from '../../i18n/language';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';

interface Account {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}

function AccountFields({ prefix, title, hint }: { prefix: 'admin' | 'security'; title: string; hint: string }) {
  const t = useT();
  return (
    <>
      <Divider titlePlacement="start" style={{ marginTop: 0 }}>
        {title}
      </Divider>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {hint}
      </Typography.Paragraph>
      <Form.Item
        label={t('setup.username')}
        name={[prefix, 'username']}
        rules={[
          { required: true, message: t('setup.usernameRequired') },
          { pattern: /^[A-Za-z0-9_.\-\u4e00-\u9fa5]{2,32}$/, message: t('setup.usernameRule') },
        ]}
      >
        <Input maxLength={32} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label={t('setup.displayName')}
        name={[prefix, 'displayName']}
        rules={[{ required: true, message: t('setup.displayNameRequired') }]}
      >
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item
        label={t('setup.password')}
        name={[prefix, 'password']}
        extra={t(PASSWORD_RULE_KEY)}
        dependencies={[[prefix, 'username']]}
        rules={[
          { required: true, message: t('setup.passwordRequired') },
          ({ getFieldValue }) => ({
            validator: (_r, v: string | undefined) => {
              const p = v ? passwordRuleProblem(v, getFieldValue([prefix, 'username']) as string | undefined) : null;
              return p ? Promise.reject(new Error(t(p))) : Promise.resolve();
            },
          }),
        ]}
      >
        <Input.Password maxLength={128} autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label={t('setup.confirm')}
        name={[prefix, 'confirm']}
        dependencies={[[prefix, 'password']]}
        rules={[
          { required: true, message: t('setup.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_r, v: string | undefined) =>
              v === getFieldValue([prefix, 'password'])
                ? Promise.resolve()
                : Promise.reject(new Error(t('setup.mismatch'))),
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
  const t = useT();
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
    <CenteredCard title={t('setup.title')} extra={<LanguageSwitch />} subtitle={t('setup.subtitle')} width={820}>
      {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} /> : null}
      <Form layout="vertical" onFinish={submit} requiredMark={false}>
        <Row gutter={32}>
          <Col span={12}>
            <AccountFields prefix="admin" title={t('setup.admin')} hint={t('setup.adminHint')} />
          </Col>
          <Col span={12}>
            <AccountFields prefix="security" title={t('setup.security')} hint={t('setup.securityHint')} />
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('setup.submit')}
        </Button>
      </Form>
    </CenteredCard>
  );
}
