// 登录: username and password; main counts failures and locks the account after the configured number.
import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { ApiError, call } from '../../api/client';
import { CenteredCard } from './CenteredCard';
import { useT } from '../../i18n/language';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';

export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useT();
  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await call('auth.login', v);
      onSignedIn();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <CenteredCard title={t('login.title')} extra={<LanguageSwitch />}>
      {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} /> : null}
      <Form layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          label={t('login.username')}
          name="username"
          rules={[{ required: true, message: t('login.usernameRequired') }]}
        >
          <Input autoFocus autoComplete="username" maxLength={32} />
        </Form.Item>
        <Form.Item
          label={t('login.password')}
          name="password"
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" maxLength={128} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('login.submit')}
        </Button>
      </Form>
    </CenteredCard>
  );
}
