// 系统管理: app and store facts with the audit head, operators (安全管理员), backups (系统管理员).
import { Tabs } from 'antd';
import { roleHas } from '@shared/auth/permissions';
import { PageHeader } from '../../components/PageHeader';
import { useAuth } from '../../components/auth/auth-context';
import { AppInfo } from './AppInfo';
import { SlowCalls } from './SlowCalls';
import { Operators } from './Operators';
import { Backups } from './Backups';
import { AuditBreak } from './AuditBreak';
import { useT } from '../../i18n/language';

export function SystemPage() {
  const role = useAuth()?.status.operator?.role;
  const t = useT();
  const may = (p: Parameters<typeof roleHas>[1]) => !!role && roleHas(role, p);
  const items = [
    ...(may('backup.manage') ? [{ key: 'backups', label: t('sys.tab.backups'), children: <Backups /> }] : []),
    ...(may('operators.manage') ? [{ key: 'operators', label: t('sys.tab.operators'), children: <Operators /> }] : []),
    { key: 'info', label: t('sys.tab.info'), children: <AppInfo /> },
    { key: 'slow', label: t('sys.tab.slow'), children: <SlowCalls /> },
  ];
  return (
    <>
      <PageHeader title={t('sys.title')} subtitle={t('sys.subtitle')} />
      {may('backup.manage') ? <AuditBreak /> : null}
      <Tabs items={items} />
    </>
  );
}
