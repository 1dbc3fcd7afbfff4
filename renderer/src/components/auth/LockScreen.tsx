// 锁屏: covers the app after the idle time (or "锁定"); the work underneath stays as it was and
// comes back once the operator's password is given. Main refuses every call meanwhile.
import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { ApiError, call } from '../../api/client';
import { CenteredCard } from './CenteredCard';

export function LockScreen({
  displayName,
  onUnlocked,
  onSignOut,
}: {
  displayName: string;
  onUnlocked: () => void;
  onSignOut: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await call('auth.unlock', v);
      onUnlocked();
    } catch (e) {
      const err = e instanceof ApiError ? e : null;
      setError(err ? err.message : String(e));
      // A lockout while locked signs the session out: go back to the log-in screen.
      if (
        err?.error.code === 'LOCKED' ||
        (err?.error.code === 'UNAUTHENTICATED' && /请先登录|不存在/.test(err.message))
      )
        onSignOut();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div
      style={{ position: 'fixed', inset: 0, zIndex: 2000, background: '#f5f7fa' }}
      role="dialog"
      aria-label="窗口已锁定"
    >
      <CenteredCard
        title="窗口已锁定"
        subtitle={
          <>
            <LockOutlined /> 因长时间未操作或手动锁定，请 <Typography.Text strong>{displayName}</Typography.Text>{' '}
            输入密码继续。
          </>
        }
      >
        {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} /> : null}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoFocus autoComplete="current-password" maxLength={128} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            解锁
          </Button>
          <Button type="link" block onClick={onSignOut} style={{ marginTop: 8 }}>
            换一个账号登录
          </Button>
        </Form>
      </CenteredCard>
    </div>
  );
}
