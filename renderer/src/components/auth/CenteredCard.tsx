// The frame of the log-in, setup and lock screens: the app's name above one card, centred.
import type { ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';
import { useT } from '../../i18n/language';

export function CenteredCard({
  title,
  subtitle,
  children,
  extra,
  width = 400,
}: {
  title: string;
  subtitle?: ReactNode;
  /** beside the card's title (the language switch) */
  extra?: ReactNode;
  children: ReactNode;
  width?: number;
}) {
  const t = useT();
  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: '#f5f7fa', padding: 24 }}>
      <Typography.Title level={2} style={{ color: '#b71c1c', marginBottom: 4 }}>
        {t('app.title')}
      </Typography.Title>
      <Typography.Text type="secondary" style={{ marginBottom: 24 }}>
        {t('app.tagline')}
      </Typography.Text>
      <Card title={title} extra={extra} style={{ width, maxWidth: '100%' }}>
        {subtitle ? <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph> : null}
        {children}
      </Card>
    </Flex>
  );
}

export const PASSWORD_RULE_TEXT = '至少 8 位，包含小写字母、大写字母、数字、符号中的至少三类，且不含用户名。';

/** The same rule main enforces, checked early so the clerk sees it before submitting. */
export function passwordRuleProblem(password: string, username?: string): string | null {
  if (password.length < 8) return '密码至少 8 位';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return '须包含小写字母、大写字母、数字、符号中的至少三类';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}
