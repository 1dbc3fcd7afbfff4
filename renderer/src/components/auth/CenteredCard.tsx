// The frame of the log-in, setup and lock screens: the app's name above one card, centred.
import type { ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';
import { useT } from '../../i18n/language';
import type { MessageKey } from '../../i18n/zh';

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

/** The rule as shown under a password field (the catalogue key). */
export const PASSWORD_RULE_KEY = 'auth.passwordRule' satisfies MessageKey;

/** The same rule main enforces, checked early so the clerk sees it before submitting: the label key of the problem. */
export function passwordRuleProblem(password: string, username?: string): MessageKey | null {
  if (password.length < 8) return 'auth.pwTooShort';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return 'auth.pwClasses';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return 'auth.pwHasUsername';
  return null;
}
