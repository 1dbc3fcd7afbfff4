// 修改密码: required after the first log-in or a reset; also reachable from the operator bar.
import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { ApiError, call } from '../../api/client';
import { PASSWORD_RULE_TEXT, passwordRuleProblem } from './CenteredCard';

export function ChangePasswordForm({
  username,
  onDone,
  onCancel,
}: {
  username?: string;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { oldPassword: string; newPassword: string }) => {
    setBusy(true);
    setError(null);
    try {
      await call('auth.changePassword', { oldPassword: v.oldPassword, newPassword: v.newPassword });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} /> : null}
      <Form layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label="原密码" name="oldPassword" rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password autoComplete="current-password" maxLength={128} />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          extra={PASSWORD_RULE_TEXT}
          rules={[
            { required: true, message: '请输入新密码' },
            {
              validator: (_r, v: string | undefined) => {
                const p = v ? passwordRuleProblem(v, username) : null;
                return p ? Promise.reject(new Error(p)) : Promise.resolve();
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_r, v: string | undefined) =>
                v === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          修改密码
        </Button>
        {onCancel ? (
          <Button type="link" block onClick={onCancel} style={{ marginTop: 8 }}>
            取消
          </Button>
        ) : null}
      </Form>
    </>
  );
}
