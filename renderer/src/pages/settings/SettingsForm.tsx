// A year's settings as a form: the main numbers, the eligibility rule table and the suggestion mode.
// Saving shows, in plain words (the core's Chinese), what changed; the form is read-only once the year is final.
import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Flex,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd';
import type { YearSettings } from '@shared/settings/year-settings';
import type { PeriodKind } from '@shared/domain/types';
import { ApiError, call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useQuery } from '../../hooks/useApi';
import { useCurrentYear } from '../../state/current-year';
import { EligibilityTable } from './EligibilityTable';
import { InstitutionPresetRow } from './InstitutionPresetRow';
import { IntInput, PercentInput, Row } from './fields';
import { SettingsImpactButton } from './SettingsImpact';
import { PersonOrderSelect } from '../../components/PersonOrderSelect';
import { useDomainLabels, useT } from '../../i18n/language';
import { PoolsCard } from './PoolsCard';

const ROUNDINGS = ['floor', 'round', 'ceil'] as const;

export function SettingsForm({ yearId }: { yearId: string }) {
  const t = useT();
  const domain = useDomainLabels();
  const rounding = ROUNDINGS.map((value) => ({ value, label: t(`sf.round.${value}`) }));
  const q = useQuery('years.getSettings', { yearId });
  const { reload, year } = useCurrentYear();
  const [draft, setDraft] = useState<YearSettings | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [changes, setChanges] = useState<string[] | null>(null);

  useEffect(() => {
    if (q.data) setDraft(structuredClone(q.data.settings));
  }, [q.data]);

  // Check the draft as it is edited (the same rules main applies on save), so problems show at once.
  const [issues, setIssues] = useState<{ field: string; message: string }[]>([]);
  useEffect(() => {
    if (!draft) return;
    let live = true;
    const timer = setTimeout(() => {
      call('years.validateSettings', { settings: draft }).then(
        (r) => live && setIssues(r.issues),
        () => live && setIssues([]),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [draft]);

  if (q.error) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  if (!draft || !q.data) return null;
  const locked = q.data.locked;
  const dirty = JSON.stringify(draft) !== JSON.stringify(q.data.settings);
  const set = (fn: (s: YearSettings) => void) =>
    setDraft((cur) => {
      if (!cur) return cur;
      const next = structuredClone(cur);
      fn(next);
      return next;
    });

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const r = await call('years.updateSettings', {
        yearId,
        settings: draft,
        reason: reason.trim() || undefined,
        expectedUpdatedAt: q.data!.updatedAt,
      });
      setChanges(r.changes);
      setReason('');
      q.reload();
      reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', message: String(e) }));
    } finally {
      setSaving(false);
    }
  };

  const cap = draft.goodCap;
  const quota = draft.quota;
  return (
    <>
      {locked ? <Alert type="info" showIcon message={t('sf.locked')} style={{ marginBottom: 12 }} /> : null}
      <ErrorAlert error={error} />
      <Card size="small" title={t('sf.card.ratings')} style={{ marginBottom: 12 }}>
        <Row label={t('sf.periodKind')} hint={t('sf.periodKindHint')}>
          <Select<PeriodKind>
            aria-label={t('sf.periodKind')}
            style={{ width: 140 }}
            disabled={locked}
            value={draft.periodKind}
            onChange={(v) => set((s) => void (s.periodKind = v))}
            options={(['quarter', 'month', 'half'] as const).map((k) => ({ value: k, label: t(`periodKind.${k}`) }))}
          />
        </Row>
        <Row label={t('sf.goodCap')}>
          <Switch
            aria-label={t('sf.goodCapOn')}
            checked={cap.enabled}
            disabled={locked}
            onChange={(v) => set((s) => void (s.goodCap.enabled = v))}
          />
          <PercentInput
            label={t('sf.goodShare')}
            value={cap.share}
            disabled={locked || !cap.enabled}
            onChange={(v) => set((s) => void (s.goodCap.share = v))}
          />
        </Row>
        <Row label={t('sf.capScope')}>
          <Radio.Group
            disabled={locked || !cap.enabled}
            value={cap.scope}
            onChange={(e) => set((s) => void (s.goodCap.scope = e.target.value as 'department' | 'agency'))}
            options={[
              { value: 'department', label: t('sf.scope.department') },
              { value: 'agency', label: t('sf.scope.agency') },
            ]}
          />
          <Select
            aria-label={t('sf.goodRounding')}
            style={{ width: 140 }}
            disabled={locked || !cap.enabled}
            value={cap.rounding}
            onChange={(v) => set((s) => void (s.goodCap.rounding = v))}
            options={rounding}
          />
        </Row>
        <Row label={t('sf.overCap')}>
          <Radio.Group
            disabled={locked || !cap.enabled}
            value={cap.enforcement}
            onChange={(e) => set((s) => void (s.goodCap.enforcement = e.target.value as 'warn' | 'block'))}
            options={[
              { value: 'warn', label: t('sf.warn') },
              { value: 'block', label: t('sf.block') },
            ]}
          />
        </Row>
        <Row label={t('sf.onlyReviewed')}>
          <Switch
            aria-label={t('sf.onlyReviewed')}
            checked={draft.onlyReviewedPeriodsCount}
            disabled={locked}
            onChange={(v) => set((s) => void (s.onlyReviewedPeriodsCount = v))}
          />
        </Row>
      </Card>

      <Card size="small" title={t('sf.card.eligibility')} style={{ marginBottom: 12 }}>
        <Row label={t('sf.leaveOver')}>
          <IntInput
            label={t('sf.leaveDays')}
            min={1}
            max={366}
            suffix={t('sf.days')}
            disabled={locked}
            value={draft.leaveDaysThreshold}
            onChange={(v) => set((s) => void (s.leaveDaysThreshold = v))}
          />
        </Row>
        <Row label={t('sf.sanctionMonths')}>
          <Space wrap>
            {(Object.keys(draft.sanctionMonths) as (keyof YearSettings['sanctionMonths'])[]).map((k) => (
              <Space key={k} size={4}>
                <Typography.Text>{domain.flag(k)}</Typography.Text>
                <InputNumber
                  aria-label={t('sf.sanctionMonthsOf', { name: domain.flag(k) })}
                  size="small"
                  min={0}
                  max={120}
                  precision={0}
                  style={{ width: 64 }}
                  disabled={locked}
                  value={draft.sanctionMonths[k]}
                  onChange={(v) => v !== null && set((s) => void (s.sanctionMonths[k] = Number(v)))}
                />
              </Space>
            ))}
          </Space>
        </Row>
        <InstitutionPresetRow
          settings={draft}
          disabled={locked}
          onChange={(next) => set((s) => void Object.assign(s, next))}
        />
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>
          {t('sf.rulesNote')}
        </Typography.Paragraph>
        <EligibilityTable
          rules={draft.eligibilityRules}
          disabled={locked}
          onChange={(rules) => set((s) => void (s.eligibilityRules = rules))}
        />
      </Card>

      <Card size="small" title={t('sf.card.suggestion')} style={{ marginBottom: 12 }}>
        <Row label={t('sf.mode')}>
          <Radio.Group
            disabled={locked}
            value={draft.suggestion.mode}
            onChange={(e) => set((s) => void (s.suggestion.mode = e.target.value as 'rules' | 'points'))}
            options={[
              { value: 'rules', label: t('sf.mode.rules') },
              { value: 'points', label: t('sf.mode.points') },
            ]}
          />
        </Row>
        {draft.suggestion.mode === 'rules' ? (
          <ol style={{ margin: '4px 0 0 222px', paddingLeft: 18 }}>
            {draft.suggestion.rules.map((r) => (
              <li key={r.id}>{r.label}</li>
            ))}
          </ol>
        ) : (
          <>
            <Row label={t('sf.ratingPoints')}>
              <Space wrap>
                {(['good', 'fair', 'average', 'poor'] as const).map((k) => (
                  <Space key={k} size={4}>
                    <Typography.Text>{domain.rating[k]}</Typography.Text>
                    <InputNumber
                      aria-label={t('sf.ratingPointsOf', { rating: domain.rating[k] })}
                      size="small"
                      style={{ width: 64 }}
                      disabled={locked}
                      value={draft.suggestion.points.perRating[k]}
                      onChange={(v) => v !== null && set((s) => void (s.suggestion.points.perRating[k] = Number(v)))}
                    />
                  </Space>
                ))}
              </Space>
            </Row>
            <Row label={t('sf.eventPoints')}>
              <Table
                size="small"
                pagination={false}
                rowKey="name"
                style={{ width: 320 }}
                dataSource={Object.entries(draft.suggestion.points.evidence).map(([name, points]) => ({
                  name,
                  points: points ?? 0,
                }))}
                columns={[
                  { title: t('sf.col.event'), dataIndex: 'name', render: (v: string) => domain.flag(v) },
                  {
                    title: t('sf.col.points'),
                    width: 100,
                    render: (_, r: { name: string; points: number }) => (
                      <InputNumber
                        aria-label={t('sf.eventPointsOf', { name: domain.flag(r.name) })}
                        size="small"
                        min={-100}
                        max={100}
                        step={0.5}
                        style={{ width: 80 }}
                        disabled={locked}
                        value={r.points}
                        onChange={(v) =>
                          v !== null && set((s) => void (s.suggestion.points.evidence[r.name] = Number(v)))
                        }
                      />
                    ),
                  },
                ]}
              />
            </Row>
          </>
        )}
      </Card>

      <Card size="small" title={t('sf.card.quota')} style={{ marginBottom: 12 }}>
        <Row label={t('sf.quotaShare')}>
          <PercentInput
            label={t('sf.excellentShare')}
            value={quota.share}
            disabled={locked}
            onChange={(v) => set((s) => void (s.quota.share = v))}
          />
          <Select
            aria-label={t('sf.quotaRounding')}
            style={{ width: 140 }}
            disabled={locked}
            value={quota.rounding}
            onChange={(v) => set((s) => void (s.quota.rounding = v))}
            options={rounding}
          />
        </Row>
        <Row label={t('sf.pooling')}>
          <Select
            aria-label={t('sf.poolingAria')}
            style={{ width: 170 }}
            disabled={locked}
            value={quota.pooling}
            onChange={(v) => set((s) => void (s.quota.pooling = v))}
            options={[
              { value: 'agency', label: t('sf.pool.agency') },
              { value: 'department', label: t('sf.pool.department') },
              { value: 'category', label: t('sf.pool.category') },
              { value: 'leader', label: t('sf.pool.leader') },
              { value: 'class', label: t('sf.pool.class') },
            ]}
          />
          <Switch
            aria-label={t('sf.separate')}
            checked={quota.separatePopulations}
            disabled={locked}
            onChange={(v) => set((s) => void (s.quota.separatePopulations = v))}
          />
          <Typography.Text>{t('sf.separate')}</Typography.Text>
        </Row>
        <Row label={t('sf.baseUngraded')}>
          <Switch
            aria-label={t('sf.baseUngraded')}
            checked={quota.baseIncludesUngraded}
            disabled={locked}
            onChange={(v) => set((s) => void (s.quota.baseIncludesUngraded = v))}
          />
        </Row>
        <Row label={t('sf.raised')}>
          <PercentInput
            label={t('sf.raisedShare')}
            value={quota.raisedShare}
            disabled={locked}
            onChange={(v) => set((s) => void (s.quota.raisedShare = v))}
          />
          <Input
            aria-label={t('sf.raisedDoc')}
            style={{ width: 220 }}
            maxLength={100}
            placeholder={t('sf.raisedDocPlaceholder')}
            disabled={locked}
            value={quota.raisedApprovalDocNo}
            onChange={(e) => set((s) => void (s.quota.raisedApprovalDocNo = e.target.value))}
          />
        </Row>
      </Card>

      {year ? <PoolsCard quota={quota} agencyId={year.unitId} locked={locked} set={set} /> : null}

      <Card size="small" title={t('sf.card.notice')} style={{ marginBottom: 12 }}>
        <Row label={t('sf.appraisal')}>
          <Switch
            aria-label={t('sf.appraisal')}
            disabled={locked}
            checked={draft.democraticAppraisal}
            onChange={(v) => set((s) => void (s.democraticAppraisal = v))}
          />
          <Typography.Text type="secondary">{t('sf.appraisalHint')}</Typography.Text>
        </Row>
        <Row label={t('sf.notice')}>
          <IntInput
            label={t('sf.noticeDays')}
            min={1}
            max={30}
            suffix={t('sf.workingDays')}
            disabled={locked}
            value={draft.noticeWorkingDays}
            onChange={(v) => set((s) => void (s.noticeWorkingDays = v))}
          />
        </Row>
        <Row label={t('sf.redress')}>
          <IntInput
            label={t('sf.reviewDays')}
            min={1}
            max={365}
            suffix={t('sf.days')}
            disabled={locked}
            value={draft.redress.reviewDays}
            onChange={(v) => set((s) => void (s.redress.reviewDays = v))}
          />
          <IntInput
            label={t('sf.appealAfterDays')}
            min={1}
            max={365}
            suffix={t('sf.days')}
            disabled={locked}
            value={draft.redress.appealAfterReviewDays}
            onChange={(v) => set((s) => void (s.redress.appealAfterReviewDays = v))}
          />
          <IntInput
            label={t('sf.appealDirectDays')}
            min={1}
            max={365}
            suffix={t('sf.days')}
            disabled={locked}
            value={draft.redress.appealDirectDays}
            onChange={(v) => set((s) => void (s.redress.appealDirectDays = v))}
          />
        </Row>
        <Row label={t('settings.packPersonOrder')}>
          <PersonOrderSelect
            value={draft.packPersonOrder}
            onChange={(v) => set((s) => void (s.packPersonOrder = v))}
            disabled={locked}
          />
          <Typography.Text type="secondary">{t('settings.packPersonOrderHint')}</Typography.Text>
        </Row>
      </Card>

      {issues.length ? (
        <Alert
          type="error"
          showIcon
          data-testid="settings-issues"
          message={t('sf.issues')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {issues.map((i) => (
                <li key={`${i.field}-${i.message}`}>
                  {i.field}：{i.message}
                </li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {!locked ? (
        <Flex
          gap={12}
          align="center"
          style={{ position: 'sticky', bottom: 0, background: '#f5f7fa', padding: '10px 0' }}
        >
          <Input
            aria-label={t('sf.reason')}
            style={{ width: 360 }}
            maxLength={500}
            placeholder={t('sf.reasonPlaceholder')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <Button type="primary" loading={saving} disabled={!dirty || issues.length > 0} onClick={() => void save()}>
            {t('sf.save')}
          </Button>
          <SettingsImpactButton yearId={yearId} draft={draft} disabled={!dirty} />
          <Button disabled={!dirty} onClick={() => setDraft(structuredClone(q.data!.settings))}>
            {t('sf.discard')}
          </Button>
          {dirty ? <Typography.Text type="warning">{t('sf.unsaved')}</Typography.Text> : null}
        </Flex>
      ) : null}

      <Modal
        open={changes !== null}
        title={t('sf.saved')}
        footer={<Button onClick={() => setChanges(null)}>{t('sf.ok')}</Button>}
        onCancel={() => setChanges(null)}
      >
        {changes && changes.length ? (
          <>
            <Typography.Paragraph>{t('sf.changes')}</Typography.Paragraph>
            <ul data-testid="settings-changes">
              {changes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </>
        ) : (
          <Typography.Paragraph>{t('sf.noChange')}</Typography.Paragraph>
        )}
      </Modal>
    </>
  );
}
