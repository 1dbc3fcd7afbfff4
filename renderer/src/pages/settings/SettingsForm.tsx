// A year's settings as a form: the main numbers, the eligibility rule table and the suggestion mode.
// Saving shows, in plain Chinese, what changed; the form is read-only once the year is final.
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
import { PERIOD_KIND_LABEL } from '@shared/periods/calendar';
import { RATING_LABEL } from '@shared/domain/labels';
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
import { useT } from '../../i18n/language';
import { PoolsCard } from './PoolsCard';

const ROUNDING = [
  { value: 'floor', label: '向下取整' },
  { value: 'round', label: '四舍五入' },
  { value: 'ceil', label: '向上取整' },
];

export function SettingsForm({ yearId }: { yearId: string }) {
  const t = useT();
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
      {locked ? (
        <Alert
          type="info"
          showIcon
          message="本年度已定档，设置已锁定（年度保留定档时的规则），只能查看。"
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <ErrorAlert error={error} />
      <Card size="small" title="平时考核" style={{ marginBottom: 12 }}>
        <Row label="考核期间" hint="已有平时考核记录后不能更改">
          <Select<PeriodKind>
            aria-label="考核期间"
            style={{ width: 140 }}
            disabled={locked}
            value={draft.periodKind}
            onChange={(v) => set((s) => void (s.periodKind = v))}
            options={(['quarter', 'month', 'half'] as const).map((k) => ({ value: k, label: PERIOD_KIND_LABEL[k] }))}
          />
        </Row>
        <Row label="“好”等次比例上限">
          <Switch
            aria-label="启用“好”等次比例上限"
            checked={cap.enabled}
            disabled={locked}
            onChange={(v) => set((s) => void (s.goodCap.enabled = v))}
          />
          <PercentInput
            label="“好”等次比例"
            value={cap.share}
            disabled={locked || !cap.enabled}
            onChange={(v) => set((s) => void (s.goodCap.share = v))}
          />
        </Row>
        <Row label="计算范围 / 取整">
          <Radio.Group
            disabled={locked || !cap.enabled}
            value={cap.scope}
            onChange={(e) => set((s) => void (s.goodCap.scope = e.target.value as 'department' | 'agency'))}
            options={[
              { value: 'department', label: '按部门' },
              { value: 'agency', label: '按全单位' },
            ]}
          />
          <Select
            aria-label="“好”人数取整"
            style={{ width: 120 }}
            disabled={locked || !cap.enabled}
            value={cap.rounding}
            onChange={(v) => set((s) => void (s.goodCap.rounding = v))}
            options={ROUNDING}
          />
        </Row>
        <Row label="超出上限时">
          <Radio.Group
            disabled={locked || !cap.enabled}
            value={cap.enforcement}
            onChange={(e) => set((s) => void (s.goodCap.enforcement = e.target.value as 'warn' | 'block'))}
            options={[
              { value: 'warn', label: '提醒后允许保存' },
              { value: 'block', label: '禁止保存（填写理由可突破）' },
            ]}
          />
        </Row>
        <Row label="年终只计入已复核的期间">
          <Switch
            aria-label="年终只计入已复核的期间"
            checked={draft.onlyReviewedPeriodsCount}
            disabled={locked}
            onChange={(v) => set((s) => void (s.onlyReviewedPeriodsCount = v))}
          />
        </Row>
      </Card>

      <Card size="small" title="事件与资格" style={{ marginBottom: 12 }}>
        <Row label="病事假累计超过（只写评语）">
          <IntInput
            label="病事假天数阈值"
            min={1}
            max={366}
            suffix="天"
            disabled={locked}
            value={draft.leaveDaysThreshold}
            onChange={(v) => set((s) => void (s.leaveDaysThreshold = v))}
          />
        </Row>
        <Row label="处分影响期（月）">
          <Space wrap>
            {(Object.keys(draft.sanctionMonths) as (keyof YearSettings['sanctionMonths'])[]).map((k) => (
              <Space key={k} size={4}>
                <Typography.Text>{k}</Typography.Text>
                <InputNumber
                  aria-label={`${k}处分影响期`}
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
          资格规则表（可启用、停用或调整影响；多条同时适用时取最重的影响）
        </Typography.Paragraph>
        <EligibilityTable
          rules={draft.eligibilityRules}
          disabled={locked}
          onChange={(rules) => set((s) => void (s.eligibilityRules = rules))}
        />
      </Card>

      <Card size="small" title="建议等次" style={{ marginBottom: 12 }}>
        <Row label="方式">
          <Radio.Group
            disabled={locked}
            value={draft.suggestion.mode}
            onChange={(e) => set((s) => void (s.suggestion.mode = e.target.value as 'rules' | 'points'))}
            options={[
              { value: 'rules', label: '规则表（先匹配者优先）' },
              { value: 'points', label: '积分排序' },
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
            <Row label="各等次积分">
              <Space wrap>
                {(['good', 'fair', 'average', 'poor'] as const).map((k) => (
                  <Space key={k} size={4}>
                    <Typography.Text>{RATING_LABEL[k]}</Typography.Text>
                    <InputNumber
                      aria-label={`积分：${RATING_LABEL[k]}`}
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
            <Row label="事件积分">
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
                  { title: '事件', dataIndex: 'name' },
                  {
                    title: '积分',
                    width: 100,
                    render: (_, r: { name: string; points: number }) => (
                      <InputNumber
                        aria-label={`事件积分：${r.name}`}
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

      <Card size="small" title="优秀名额" style={{ marginBottom: 12 }}>
        <Row label="优秀比例 / 取整">
          <PercentInput
            label="优秀比例"
            value={quota.share}
            disabled={locked}
            onChange={(v) => set((s) => void (s.quota.share = v))}
          />
          <Select
            aria-label="优秀名额取整"
            style={{ width: 120 }}
            disabled={locked}
            value={quota.rounding}
            onChange={(v) => set((s) => void (s.quota.rounding = v))}
            options={ROUNDING}
          />
        </Row>
        <Row label="计算单元">
          <Select
            aria-label="优秀名额计算单元"
            style={{ width: 170 }}
            disabled={locked}
            value={quota.pooling}
            onChange={(v) => set((s) => void (s.quota.pooling = v))}
            options={[
              { value: 'agency', label: '按单位' },
              { value: 'department', label: '按部门' },
              { value: 'category', label: '按人员类别' },
              { value: 'leader', label: '按分管领导' },
              { value: 'class', label: '按机关/基层/事业' },
            ]}
          />
          <Switch
            aria-label="公务员与事业人员分别计算"
            checked={quota.separatePopulations}
            disabled={locked}
            onChange={(v) => set((s) => void (s.quota.separatePopulations = v))}
          />
          <Typography.Text>公务员与事业人员分别计算</Typography.Text>
        </Row>
        <Row label="不定等次人员计入基数">
          <Switch
            aria-label="不定等次人员计入基数"
            checked={quota.baseIncludesUngraded}
            disabled={locked}
            onChange={(v) => set((s) => void (s.quota.baseIncludesUngraded = v))}
          />
        </Row>
        <Row label="绩效优秀单位提高比例 / 文号">
          <PercentInput
            label="提高后的优秀比例"
            value={quota.raisedShare}
            disabled={locked}
            onChange={(v) => set((s) => void (s.quota.raisedShare = v))}
          />
          <Input
            aria-label="提高比例批准文号"
            style={{ width: 220 }}
            maxLength={100}
            placeholder="批准文号，如 X考委〔2026〕3号"
            disabled={locked}
            value={quota.raisedApprovalDocNo}
            onChange={(e) => set((s) => void (s.quota.raisedApprovalDocNo = e.target.value))}
          />
        </Row>
      </Card>

      {year ? <PoolsCard quota={quota} agencyId={year.unitId} locked={locked} set={set} /> : null}

      <Card size="small" title="公示与复核申诉" style={{ marginBottom: 12 }}>
        <Row label="民主测评">
          <Switch
            aria-label="民主测评"
            disabled={locked}
            checked={draft.democraticAppraisal}
            onChange={(v) => set((s) => void (s.democraticAppraisal = v))}
          />
          <Typography.Text type="secondary">
            导入各候选人票数后，工作台和汇总表显示票数，公示说明写明“民主测评”
          </Typography.Text>
        </Row>
        <Row label="公示期">
          <IntInput
            label="公示期（工作日）"
            min={1}
            max={30}
            suffix="个工作日"
            disabled={locked}
            value={draft.noticeWorkingDays}
            onChange={(v) => set((s) => void (s.noticeWorkingDays = v))}
          />
        </Row>
        <Row label="申请复核 / 复核后申诉 / 直接申诉">
          <IntInput
            label="申请复核期限"
            min={1}
            max={365}
            suffix="天"
            disabled={locked}
            value={draft.redress.reviewDays}
            onChange={(v) => set((s) => void (s.redress.reviewDays = v))}
          />
          <IntInput
            label="复核后申诉期限"
            min={1}
            max={365}
            suffix="天"
            disabled={locked}
            value={draft.redress.appealAfterReviewDays}
            onChange={(v) => set((s) => void (s.redress.appealAfterReviewDays = v))}
          />
          <IntInput
            label="直接申诉期限"
            min={1}
            max={365}
            suffix="天"
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
          message="设置有误，请修改后再保存"
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
            aria-label="修改依据"
            style={{ width: 360 }}
            maxLength={500}
            placeholder="修改依据（可选，如：按区考核办 2026 年 3 号通知）"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <Button type="primary" loading={saving} disabled={!dirty || issues.length > 0} onClick={() => void save()}>
            保存设置
          </Button>
          <SettingsImpactButton yearId={yearId} draft={draft} disabled={!dirty} />
          <Button disabled={!dirty} onClick={() => setDraft(structuredClone(q.data!.settings))}>
            放弃修改
          </Button>
          {dirty ? <Typography.Text type="warning">有未保存的修改</Typography.Text> : null}
        </Flex>
      ) : null}

      <Modal
        open={changes !== null}
        title="设置已保存"
        footer={<Button onClick={() => setChanges(null)}>知道了</Button>}
        onCancel={() => setChanges(null)}
      >
        {changes && changes.length ? (
          <>
            <Typography.Paragraph>本次修改（已记入审计日志）：</Typography.Paragraph>
            <ul data-testid="settings-changes">
              {changes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </>
        ) : (
          <Typography.Paragraph>设置没有变化。</Typography.Paragraph>
        )}
      </Modal>
    </>
  );
}
