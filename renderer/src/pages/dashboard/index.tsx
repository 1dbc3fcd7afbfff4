// 年度进度: where the year stands — summary cards, rated / missing per department and period, the
// 好 share against the cap, evidence by kind, people to watch, and the missing list to chase.
import { useState } from 'react';
import { Alert, Card, Col, Empty, Row, Spin, Statistic, Tag, Typography } from 'antd';
import { STAGE_LABEL } from '@shared/domain/labels';
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
import { useT } from '../../i18n/language';

export function DashboardPage() {
  const { year } = useCurrentYear();
  // Without a chosen year main answers for the newest one, so the page works before any choice.
  const q = useQuery('progress.dashboard', year ? { yearId: year.id } : {});
  const t = useT();
  const [timelineOf, setTimelineOf] = useState<string | null>(null);
  const d = q.data;
  const setupDone = useSetupDone();
  // the administrator who set the store up is shown what is left (the 经办人 account) above the year
  const isAdmin = useAuth()?.status.operator?.role === 'admin';

  if (!d) {
    return (
      <>
        <PageHeader title="年度进度" />
        <ErrorAlert error={q.error} onRetry={q.reload} />
        {q.loading ? <Spin /> : null}
      </>
    );
  }
  if (!d.year) {
    return (
      <>
        <PageHeader title="年度进度" />
        <FirstSteps />
      </>
    );
  }

  const current = d.periods.find((p) => p.id === d.currentPeriodId);
  const flagged = new Set(d.flags.map((f) => f.personId)).size;
  const capNote = d.goodCap.enabled
    ? `上限 ${Math.round(d.goodCap.share * 100)}%（${d.goodCap.scope === 'department' ? '按部门' : '按单位'}）`
    : '本年度未设“好”等次比例上限';

  return (
    <>
      <PageHeader
        title="年度进度"
        subtitle={
          <>
            {d.year.unitName} · {d.year.year} 年度 · 数据截至 {d.asOf}{' '}
            <Tag style={{ marginLeft: 8 }}>{STAGE_LABEL[d.year.stage]}</Tag>
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
            <Statistic title="本年度应考核人员" value={d.people} suffix="人" />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic
              title={`${current ? current.label : '本期'}已评定`}
              value={d.ratedThisPeriod}
              suffix={`/ ${d.ratedThisPeriod + d.missingThisPeriod} 人`}
            />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic
              title="已结束期间未评定（人次）"
              value={d.missingPast}
              styles={{ content: { color: d.missingPast > 0 ? '#d46b08' : undefined } }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="missing-breakdown">
              另有本期未评 {d.missingTotal - d.missingPast} 人次
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic
              title="需关注人员"
              value={flagged}
              suffix="人"
              styles={{ content: { color: flagged > 0 ? '#cf1322' : undefined } }}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title="各部门评定进度（已评 / 未评）">
            {d.progress.length === 0 ? (
              <Empty description="还没有已开始的考核期间或人员" />
            ) : (
              <ProgressChart dashboard={d} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title="“好”等次占比" extra={<Typography.Text type="secondary">{capNote}</Typography.Text>}>
            {d.goodCap.rows.length === 0 ? <Empty description="暂无评定" /> : <GoodShareChart dashboard={d} />}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title="事件统计（本年度）">
            <EvidenceKindChart dashboard={d} />
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={t('rounds.title')}>
            <DeliveryCard yearId={d.year.id} unitName={d.year.unitName} year={d.year.year} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="需关注人员">
            <FlagsTable dashboard={d} onPerson={setTimelineOf} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="未评定名单">
            <MissingList dashboard={d} onPerson={setTimelineOf} />
          </Card>
        </Col>
      </Row>
      <PersonTimeline personId={timelineOf} year={d.year.year} onClose={() => setTimelineOf(null)} />
    </>
  );
}
