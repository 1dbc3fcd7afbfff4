// 锁屏: covers the app after the idle time (or "锁定"); the work underneath stays as it was and
// comes back once the operator's password is given. Main refuses every call meanwhile.
import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { ApiError, call } from '../../api/client';
import { CenteredCard } from './CenteredCard';
import { useT } from '../../i18n/language';

export function LockScreen({
  displayName,
  onUnlocked,
  onRefresh,
  onSignOut,
}: {
  displayName: string;
  onUnlocked: () => void;
  onRefresh: () => void;
  onSignOut: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useT();
  const submit = async (v: { password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await call('auth.unlock', v);
      onUnlocked();
    } catch (e) {
      const err = e instanceof ApiError ? e : null;
      setError(err ? err.message : String(e));
      // A lockout while locked signs the session out: go back to the log-in screen. Any other refusal
      // (a wrong password, a session main has ended) re-reads the session: the log-in screen shows if
      // it is gone, the lock stays with the message if only the password was wrong.
      if (err?.error.code === 'LOCKED') onSignOut();
      else if (err?.error.code === 'UNAUTHENTICATED') onRefresh();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div
      style={{ position: 'fixed', inset: 0, zIndex: 2000, background: '#f5f7fa' }}
      role="dialog"
      aria-label={t('lock.title')}
    >
      <CenteredCard
        title={t('lock.title')}
        subtitle={
          <>
            <LockOutlined /> {t('lock.before')} <Typography.Text strong>{displayName}</Typography.Text>
            {t('lock.after')}
          </>
        }
      >
        {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} /> : null}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            label={t('lock.password')}
            name="password"
            rules={[{ required: true, message: t('lock.passwordRequired') }]}
          >
            <Input.Password autoFocus autoComplete="current-password" maxLength={128} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('lock.unlock')}
          </Button>
          <Button type="link" block onClick={onSignOut} style={{ marginTop: 8 }}>
            {t('lock.switch')}
          </Button>
        </Form>
      </CenteredCard>
    </div>
  );
}
