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

export function SystemPage() {
  const role = useAuth()?.status.operator?.role;
  const may = (p: Parameters<typeof roleHas>[1]) => !!role && roleHas(role, p);
  const items = [
    ...(may('backup.manage') ? [{ key: 'backups', label: '数据备份', children: <Backups /> }] : []),
    ...(may('operators.manage') ? [{ key: 'operators', label: '操作员', children: <Operators /> }] : []),
    { key: 'info', label: '程序与数据', children: <AppInfo /> },
    { key: 'slow', label: '慢操作记录', children: <SlowCalls /> },
  ];
  return (
    <>
      <PageHeader title="系统管理" subtitle="备份与恢复、操作员与权限、程序与数据文件信息。" />
      {may('backup.manage') ? <AuditBreak /> : null}
      <Tabs items={items} />
    </>
  );
}
