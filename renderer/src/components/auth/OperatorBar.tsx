// Who is signed in, with 修改密码 / 锁定 / 退出, for the shell's side bar.
import { Button, Flex, Tooltip, Typography } from 'antd';
import { LockOutlined, LogoutOutlined, KeyOutlined } from '@ant-design/icons';
import { useAuth } from './auth-context';
import { useDomainLabels, useT } from '../../i18n/language';

export function OperatorBar() {
  const auth = useAuth();
  const t = useT();
  const labels = useDomainLabels();
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
        {labels.role[op.role]}
      </Typography.Text>
      {isPerson ? (
        <Flex gap={4}>
          <Tooltip title={t('operator.changePassword')}>
            <Button
              size="small"
              icon={<KeyOutlined />}
              aria-label={t('operator.changePassword')}
              onClick={auth.openChangePassword}
            />
          </Tooltip>
          <Tooltip title={t('operator.lockWindow')}>
            <Button
              size="small"
              icon={<LockOutlined />}
              aria-label={t('operator.lock')}
              onClick={() => void auth.lock()}
            />
          </Tooltip>
          <Tooltip title={t('operator.logout')}>
            <Button
              size="small"
              icon={<LogoutOutlined />}
              aria-label={t('operator.logout')}
              onClick={() => void auth.logout()}
            />
          </Tooltip>
        </Flex>
      ) : null}
    </Flex>
  );
}
