// 修改密码: required after the first log-in or a reset; also reachable from the operator bar.
import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { ApiError, call } from '../../api/client';
import { PASSWORD_RULE_KEY, passwordRuleProblem } from './CenteredCard';
import { useT } from '../../i18n/language';

export function ChangePasswordForm({
  username,
  onDone,
  onCancel,
}: {
  username?: string;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const t = useT();
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
        <Form.Item label={t('pw.old')} name="oldPassword" rules={[{ required: true, message: t('pw.oldRequired') }]}>
          <Input.Password autoComplete="current-password" maxLength={128} />
        </Form.Item>
        <Form.Item
          label={t('pw.new')}
          name="newPassword"
          extra={t(PASSWORD_RULE_KEY)}
          rules={[
            { required: true, message: t('pw.newRequired') },
            {
              validator: (_r, v: string | undefined) => {
                const p = v ? passwordRuleProblem(v, username) : null;
                return p ? Promise.reject(new Error(t(p))) : Promise.resolve();
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Form.Item
          label={t('pw.confirm')}
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('pw.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_r, v: string | undefined) =>
                v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('pw.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('operator.changePassword')}
        </Button>
        {onCancel ? (
          <Button type="link" block onClick={onCancel} style={{ marginTop: 8 }}>
            {t('pw.cancel')}
          </Button>
        ) : null}
      </Form>
    </>
  );
}
