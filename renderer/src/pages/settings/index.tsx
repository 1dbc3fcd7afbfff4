// 年度设置: create an assessment year, and edit the chosen year's rules (until it is final).
import { Empty } from 'antd';
import { PageHeader } from '../../components/PageHeader';
import { useCurrentYear } from '../../state/current-year';
import { CreateYearCard } from './CreateYearCard';
import { SettingsForm } from './SettingsForm';
import { CalendarCard } from './CalendarCard';
import { roleHas } from '@shared/auth/permissions';
import { useAuth } from '../../components/auth/auth-context';
import { useT } from '../../i18n/language';

export function SettingsPage() {
  const { year } = useCurrentYear();
  const t = useT();
  const auth = useAuth();
  const operator = auth?.status.operator ?? null;
  const canEditCalendar = operator ? roleHas(operator.role, 'year.write') : true;
  return (
    <>
      <PageHeader
        title={t('set.title')}
        subtitle={year ? t('set.subtitleYear', { year: year.year, unit: year.unitName }) : t('set.subtitle')}
      />
      <CreateYearCard />
      {year ? <SettingsForm key={year.id} yearId={year.id} /> : <Empty description={t('set.noYear')} />}
      <CalendarCard canEdit={canEditCalendar} />
    </>
  );
}
