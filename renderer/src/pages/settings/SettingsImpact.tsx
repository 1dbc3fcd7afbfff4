// "What would these settings change?": the year-end helper's yearend.settingsImpact run on the draft,
// shown before saving — counts per suggested result before and after, and who changes, with why.
import { useState } from 'react';
import { App, Button, Descriptions, Modal, Table, Typography } from 'antd';
import type { YearSettings } from '@shared/settings/year-settings';
import type { SettingsImpactDto as Impact } from '@shared/api/yearend';
import { useAction } from '../../hooks/useApi';
import { percent, useJob } from '../../components/import/useJob';
import { useT } from '../../i18n/language';

export function SettingsImpactButton({
  yearId,
  draft,
  disabled,
}: {
  yearId: string;
  draft: YearSettings;
  disabled: boolean;
}) {
  const act = useAction();
  const t = useT();
  const { message } = App.useApp();
  const job = useJob();
  const [impact, setImpact] = useState<Impact | null>(null);
  const [loading, setLoading] = useState(false);
  // A job (two evaluations of the whole year in a worker): its steps and its end arrive pushed.
  const run = async () => {
    setLoading(true);
    const started = await act('yearend.settingsImpact', { yearId, settings: draft });
    const end = started ? await job.follow(started) : null;
    setLoading(false);
    job.reset();
    if (end?.status === 'done') setImpact(end.value as Impact);
    else if (end?.status === 'failed')
      void message.error({ content: end.error?.message ?? t('impact.failed'), duration: 6 });
  };
  const labels = impact ? [...new Set([...Object.keys(impact.before), ...Object.keys(impact.after)])] : [];
  return (
    <>
      <Button loading={loading} disabled={disabled} onClick={() => void run()}>
        {loading && job.job ? `${job.job.message || t('impact.computing')} ${percent(job.job)}%` : t('impact.button')}
      </Button>
      <Modal
        open={impact !== null}
        width={760}
        title={t('impact.title')}
        footer={<Button onClick={() => setImpact(null)}>{t('impact.close')}</Button>}
        onCancel={() => setImpact(null)}
      >
        {impact ? (
          <>
            <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t('impact.people')}>{impact.people}</Descriptions.Item>
              {labels.map((l) => (
                <Descriptions.Item key={l} label={l}>
                  {impact.before[l] ?? 0} → {impact.after[l] ?? 0}
                </Descriptions.Item>
              ))}
              {impact.unitsAfter.map((u) => {
                const before = impact.unitsBefore.find((b) => b.key === u.key);
                return (
                  <Descriptions.Item key={u.key} label={t('impact.places', { unit: u.label })}>
                    {before?.allowed ?? '—'} → {u.allowed}
                  </Descriptions.Item>
                );
              })}
            </Descriptions>
            <Typography.Paragraph>
              {t('impact.changed', { n: impact.changedTotal })}
              {impact.changedTotal > impact.changed.length ? t('impact.listed', { n: impact.changed.length }) : ''}
            </Typography.Paragraph>
            <Table
              size="small"
              rowKey="personId"
              pagination={{ pageSize: 8, hideOnSinglePage: true }}
              dataSource={impact.changed}
              columns={[
                { title: t('impact.col.personNo'), dataIndex: 'personNo', width: 90 },
                { title: t('impact.col.name'), dataIndex: 'name', width: 80 },
                { title: t('impact.col.department'), dataIndex: 'departmentName', width: 110 },
                { title: t('impact.col.before'), dataIndex: 'before', width: 110 },
                { title: t('impact.col.after'), dataIndex: 'after', width: 110 },
                { title: t('impact.col.reason'), dataIndex: 'reason' },
              ]}
            />
          </>
        ) : null}
      </Modal>
    </>
  );
}
