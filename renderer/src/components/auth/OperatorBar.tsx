// Who is signed in, with 修改密码 / 锁定 / 退出, for the shell's side bar.
import { Button, Flex, Tooltip, Typography } from 'antd';
import { LockOutlined, LogoutOutlined, KeyOutlined } from '@ant-design/icons';
import { ROLE_LABELS } from '@shared/auth/permissions';
import { useAuth } from './auth-context';

export function OperatorBar() {
  const auth = useAuth();
  const op = auth?.status.operator;
  if (!auth || !op) return null;
  const isPerson = op.role !== 'system';
  return (
    <Flex
      vertical
      gap={4}
      style={{ padding: '8px 20px 12px', borderTop: '1px solid #f0f0f0' }}
      data-testid="operator-bar"
    >
      <Typography.Text strong ellipsis>
        {op.displayName}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {ROLE_LABELS[op.role]}
      </Typography.Text>
      {isPerson ? (
        <Flex gap={4}>
          <Tooltip title="修改密码">
            <Button size="small" icon={<KeyOutlined />} aria-label="修改密码" onClick={auth.openChangePassword} />
          </Tooltip>
          <Tooltip title="锁定窗口">
            <Button size="small" icon={<LockOutlined />} aria-label="锁定" onClick={() => void auth.lock()} />
          </Tooltip>
          <Tooltip title="退出登录">
            <Button size="small" icon={<LogoutOutlined />} aria-label="退出登录" onClick={() => void auth.logout()} />
          </Tooltip>
        </Flex>
      ) : null}
    </Flex>
  );
}
