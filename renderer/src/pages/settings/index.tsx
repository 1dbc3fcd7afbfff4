// 年度设置: create an assessment year, and edit the chosen year's rules (until it is final).
import { Empty } from 'antd';
import { PageHeader } from '../../components/PageHeader';
import { useCurrentYear } from '../../state/current-year';
import { CreateYearCard } from './CreateYearCard';
import { SettingsForm } from './SettingsForm';
import { CalendarCard } from './CalendarCard';
import { roleHas } from '@shared/auth/permissions';
import { useAuth } from '../../components/auth/auth-context';

export function SettingsPage() {
  const { year } = useCurrentYear();
  const auth = useAuth();
  const operator = auth?.status.operator ?? null;
  const canEditCalendar = operator ? roleHas(operator.role, 'year.write') : true;
  return (
    <>
      <PageHeader
        title="年度设置"
        subtitle={
          year
            ? `${year.year} 年度 · ${year.unitName}：本年度的考核规则（定档前可修改，每次修改记入审计日志）`
            : '先建立考核年度'
        }
      />
      <CreateYearCard />
      {year ? <SettingsForm key={year.id} yearId={year.id} /> : <Empty description="尚未建立考核年度" />}
      <CalendarCard canEdit={canEditCalendar} />
    </>
  );
}
