// 年度进度: where the year stands — summary cards, rated / missing per department and period, the
// 好 share against the cap, evidence by kind, people to watch, and the missing list to chase.
import { useState } from 'react';
import { Alert, Card, Col, Empty, Row, Spin, Statistic, Tag, Typography } from 'antd';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PersonTimeline } from '../../components/PersonTimeline';
import { ProgressChart } from '../../components/charts/ProgressChart';
import { GoodShareChart } from '../../components/charts/GoodShareChart';
import { EvidenceKindChart } from '../../components/charts/EvidenceKindChart';
import { useQuery } from '../../hooks/useApi';
import { useCurrentYear } from '../../state/current-year';
import { FirstSteps, useSetupDone } from './FirstSteps';
import { useAuth } from '../../components/auth/auth-context';
import { FlagsTable } from './FlagsTable';
import { MissingList } from './MissingList';
import { DeliveryCard } from './DeliveryCard';
import { useDomainLabels, useT } from '../../i18n/language';

export function DashboardPage() {
  const { year } = useCurrentYear();
  // Without a chosen year main answers for the newest one, so the page works before any choice.
  const q = useQuery('progress.dashboard', year ? { yearId: year.id } : {});
  const t = useT();
  const domain = useDomainLabels();
  const [timelineOf, setTimelineOf] = useState<string | null>(null);
  const d = q.data;
  const setupDone = useSetupDone();
  // the administrator who set the store up is shown what is left (the 经办人 account) above the year
  const isAdmin = useAuth()?.status.operator?.role === 'admin';

  if (!d) {
    return (
      <>
        <PageHeader title={t('dash.title')} />
        <ErrorAlert error={q.error} onRetry={q.reload} />
        {q.loading ? <Spin /> : null}
      </>
    );
  }
  if (!d.year) {
    return (
      <>
        <PageHeader title={t('dash.title')} />
        <FirstSteps />
      </>
    );
  }

  const current = d.periods.find((p) => p.id === d.currentPeriodId);
  const flagged = new Set(d.flags.map((f) => f.personId)).size;
  const capNote = d.goodCap.enabled
    ? t('dash.capNote', {
        pct: Math.round(d.goodCap.share * 100),
        scope: t(d.goodCap.scope === 'department' ? 'dash.capScope.department' : 'dash.capScope.agency'),
      })
    : t('dash.noCap');

  return (
    <>
      <PageHeader
        title={t('dash.title')}
        subtitle={
          <>
            {t('dash.subtitle', { unit: d.year.unitName, year: d.year.year, asOf: d.asOf })}{' '}
            <Tag style={{ marginLeft: 8 }}>{domain.stage[d.year.stage]}</Tag>
          </>
        }
      />
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {setupDone === false && isAdmin ? <FirstSteps /> : null}
      {d.reviewCounting.message ? (
        <Alert style={{ marginBottom: 16 }} type="warning" showIcon message={d.reviewCounting.message} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic title={t('dash.people')} value={d.people} suffix={t('dash.personSuffix')} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic
              title={t('dash.ratedIn', { period: current ? current.label : t('dash.thisPeriod') })}
              value={d.ratedThisPeriod}
              suffix={t('dash.ratedOf', { n: d.ratedThisPeriod + d.missingThisPeriod })}
            />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic
              title={t('dash.missingPast')}
              value={d.missingPast}
              styles={{ content: { color: d.missingPast > 0 ? '#d46b08' : undefined } }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="missing-breakdown">
              {t('dash.missingNow', { n: d.missingTotal - d.missingPast })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic
              title={t('dash.flagged')}
              value={flagged}
              suffix={t('dash.personSuffix')}
              styles={{ content: { color: flagged > 0 ? '#cf1322' : undefined } }}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={t('dash.progressTitle')}>
            {d.progress.length === 0 ? <Empty description={t('dash.noProgress')} /> : <ProgressChart dashboard={d} />}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card
            size="small"
            title={t('dash.goodShare')}
            extra={<Typography.Text type="secondary">{capNote}</Typography.Text>}
          >
            {d.goodCap.rows.length === 0 ? (
              <Empty description={t('dash.noRatings')} />
            ) : (
              <GoodShareChart dashboard={d} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('dash.evidenceTitle')}>
            <EvidenceKindChart dashboard={d} />
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={t('rounds.title')}>
            <DeliveryCard yearId={d.year.id} unitName={d.year.unitName} year={d.year.year} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('dash.flagsTitle')}>
            <FlagsTable dashboard={d} onPerson={setTimelineOf} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('dash.missingTitle')}>
            <MissingList dashboard={d} onPerson={setTimelineOf} />
          </Card>
        </Col>
      </Row>
      <PersonTimeline personId={timelineOf} year={d.year.year} onClose={() => setTimelineOf(null)} />
    </>
  );
}
