// "What would these settings change?": the year-end helper's yearend.settingsImpact run on the draft,
// shown before saving — counts per suggested result before and after, and who changes, with why.
import { useState } from 'react';
import { App, Button, Descriptions, Modal, Table, Typography } from 'antd';
import type { YearSettings } from '@shared/settings/year-settings';
import type { SettingsImpactDto as Impact } from '@shared/api/yearend';
import { useAction } from '../../hooks/useApi';
import { percent, useJob } from '../../components/import/useJob';

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
    else if (end?.status === 'failed') void message.error({ content: end.error?.message ?? '预览失败', duration: 6 });
  };
  const labels = impact ? [...new Set([...Object.keys(impact.before), ...Object.keys(impact.after)])] : [];
  return (
    <>
      <Button loading={loading} disabled={disabled} onClick={() => void run()}>
        {loading && job.job ? `${job.job.message || '正在计算'} ${percent(job.job)}%` : '预览对建议等次的影响'}
      </Button>
      <Modal
        open={impact !== null}
        width={760}
        title="按修改后的设置，建议等次的变化"
        footer={<Button onClick={() => setImpact(null)}>关闭</Button>}
        onCancel={() => setImpact(null)}
      >
        {impact ? (
          <>
            <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
              <Descriptions.Item label="参与计算人数">{impact.people}</Descriptions.Item>
              {labels.map((l) => (
                <Descriptions.Item key={l} label={l}>
                  {impact.before[l] ?? 0} → {impact.after[l] ?? 0}
                </Descriptions.Item>
              ))}
              {impact.unitsAfter.map((u) => {
                const before = impact.unitsBefore.find((b) => b.key === u.key);
                return (
                  <Descriptions.Item key={u.key} label={`优秀名额：${u.label}`}>
                    {before?.allowed ?? '—'} → {u.allowed}
                  </Descriptions.Item>
                );
              })}
            </Descriptions>
            <Typography.Paragraph>
              建议结果变化的人员：{impact.changedTotal} 人
              {impact.changedTotal > impact.changed.length ? `（列出前 ${impact.changed.length} 人）` : ''}
            </Typography.Paragraph>
            <Table
              size="small"
              rowKey="personId"
              pagination={{ pageSize: 8, hideOnSinglePage: true }}
              dataSource={impact.changed}
              columns={[
                { title: '人员编号', dataIndex: 'personNo', width: 90 },
                { title: '姓名', dataIndex: 'name', width: 80 },
                { title: '部门', dataIndex: 'departmentName', width: 110 },
                { title: '原建议', dataIndex: 'before', width: 110 },
                { title: '新建议', dataIndex: 'after', width: 110 },
                { title: '原因', dataIndex: 'reason' },
              ]}
            />
          </>
        ) : null}
      </Modal>
    </>
  );
}
