// The year-end charts: this year's grades per quota unit against its 优秀 places, and the agency's
// grades over the years. Folded away by default so the workbench stays where the clerk works.
import { useEffect } from 'react';
import { Col, Collapse, Row, Typography } from 'antd';
import { useQuery } from '../../hooks/useApi';
import { GradeDistributionChart } from '../../components/charts/GradeDistributionChart';
import { GradeYearsChart } from '../../components/charts/GradeYearsChart';
import { PersonGradesChart } from '../../components/charts/PersonGradesChart';
import type { UnitDto } from './types';
import { useT } from '../../i18n/language';

export function GradeCharts({ yearId, units }: { yearId: string; units: UnitDto[] }) {
  const t = useT();
  const history = useQuery('yearend.gradeHistory', { yearId });
  const { reload } = history;
  // A decision changes this year's column: read the history again whenever the workbench reloads.
  useEffect(() => reload(), [units, reload]);
  return (
    <Collapse
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="grade-charts"
      items={[
        {
          key: 'charts',
          label: t('charts.label'),
          children: (
            <Row gutter={16}>
              <Col span={12}>
                <Typography.Text strong>{t('charts.units')}</Typography.Text>
                <GradeDistributionChart units={units} />
              </Col>
              <Col span={12}>
                <Typography.Text strong>{t('charts.years', { unit: history.data?.unitName ?? '' })}</Typography.Text>
                {history.data ? <GradeYearsChart history={history.data} /> : null}
              </Col>
            </Row>
          ),
        },
      ]}
    />
  );
}

/** One person's grades year by year, in the workbench's expanded row. */
export function PersonGrades({ yearId, personId }: { yearId: string; personId: string }) {
  const q = useQuery('yearend.gradeHistory', { yearId, personId });
  return q.data?.person ? <PersonGradesChart person={q.data.person} /> : null;
}
