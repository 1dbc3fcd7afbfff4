// 生成考核材料: choose the scope (whole unit, or departments) and the sheets, pick a folder, run
// the export job with a progress bar and cancel, then list the files written.
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, List, Progress, Radio, Space, Typography } from 'antd';
import type { OutputOf } from '@shared/api';
import type { PackSheetKind } from '@shared/sheets/pack-sheets';
import { ApiError, call } from '../../api/client';
import { cancelJob, followJob } from '../../api/jobs';
import { useT } from '../../i18n/language';

type Options = OutputOf<'pack.options'>;
interface Written {
  path: string;
  fileName: string;
  pages: number;
  persons: number;
}

export function ExportPanel({ yearId, options }: { yearId: string; options: Options }) {
  const { message } = App.useApp();
  const t = useT();
  const [scope, setScope] = useState<'unit' | 'departments'>('unit');
  const [departmentIds, setDepartmentIds] = useState<string[]>([]);
  const [sheets, setSheets] = useState<PackSheetKind[]>(options.sheets.map((s) => s.kind));
  const [folder, setFolder] = useState<string | null>(null);
  const [job, setJob] = useState<{ id: string; done: number; total: number; message: string } | null>(null);
  const [files, setFiles] = useState<Written[]>([]);
  const [error, setError] = useState<string | null>(null);

  const pick = async () => {
    const { path } = await call('desktop.pickFolder', { title: t('pack.pickFolder') });
    if (path) setFolder(path);
  };

  const run = async () => {
    if (!folder) return;
    setError(null);
    setFiles([]);
    try {
      const started = await call('pack.export', {
        yearId,
        scope,
        departmentIds: scope === 'departments' ? departmentIds : [],
        sheets,
        folder,
      });
      setJob({ id: started.id, done: 0, total: 0, message: t('pack.preparing') });
      const state = await followJob(started, (s) => {
        if (s.status === 'running') setJob({ id: s.id, done: s.done, total: s.total, message: s.message });
      });
      if (state.status === 'cancelled') void message.info(t('pack.cancelled'));
      else if (state.status !== 'done') setError(state.error?.message ?? t('pack.failed'));
      else {
        const written = (state.value as { files: Written[] }).files;
        setFiles(written);
        void message.success(t('pack.written', { n: written.length }));
      }
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setJob(null);
    }
  };

  const cancel = async () => {
    if (job) await cancelJob(job.id);
  };

  const percent = job && job.total > 0 ? Math.floor((job.done / job.total) * 100) : 0;
  const canRun = !!folder && sheets.length > 0 && (scope === 'unit' || departmentIds.length > 0) && !job;
  return (
    <Card title={t('pack.generate')} size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <div>
          <Typography.Text strong>{t('pack.scope')}</Typography.Text>
          <Radio.Group
            value={scope}
            onChange={(e) => setScope(e.target.value as 'unit' | 'departments')}
            style={{ display: 'block', marginTop: 4 }}
            aria-label={t('pack.scope')}
          >
            <Radio value="unit">{t('pack.scopeUnit')}</Radio>
            <Radio value="departments">{t('pack.scopeDepartments')}</Radio>
          </Radio.Group>
          {scope === 'departments' && (
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', marginTop: 6, marginLeft: 24 }}
              value={departmentIds}
              onChange={(v) => setDepartmentIds(v)}
              options={options.departments.map((d) => ({
                value: d.id,
                label: t('pack.department', { name: d.name, n: d.persons }),
              }))}
            />
          )}
        </div>
        <div>
          <Typography.Text strong>{t('pack.sheets')}</Typography.Text>
          <Checkbox.Group
            aria-label={t('pack.sheets')}
            style={{ display: 'flex', flexDirection: 'column', marginTop: 4 }}
            value={sheets}
            onChange={(v) => setSheets(v)}
            options={options.sheets.map((s) => ({ value: s.kind, label: s.label }))}
          />
        </div>
        <Flex gap={8} align="center" wrap>
          <Button onClick={() => void pick()} disabled={!!job}>
            {t('pack.chooseFolder')}
          </Button>
          <Typography.Text
            type={folder ? undefined : 'secondary'}
            ellipsis
            style={{ maxWidth: 260 }}
            title={folder ?? ''}
          >
            {folder ?? t('pack.noFolder')}
          </Typography.Text>
        </Flex>
        <Flex gap={8}>
          <Button type="primary" disabled={!canRun} onClick={() => void run()}>
            {t('pack.generate')}
          </Button>
          {job && (
            <Button danger onClick={() => void cancel()}>
              {t('pack.cancel')}
            </Button>
          )}
        </Flex>
        {job && (
          <div aria-label={t('pack.progress')}>
            <Progress percent={percent} size="small" />
            <Typography.Text type="secondary">{job.message}</Typography.Text>
          </div>
        )}
        {error && <Alert type="error" showIcon message={error} />}
        {files.length > 0 && (
          <List
            size="small"
            header={t('pack.files')}
            dataSource={files}
            renderItem={(f) => (
              <List.Item
                actions={[
                  <a key="open" onClick={() => void call('desktop.showInFolder', { path: f.path })}>
                    {t('pack.openFolder')}
                  </a>,
                ]}
              >
                <List.Item.Meta
                  title={f.fileName}
                  description={t('pack.fileInfo', { persons: f.persons, pages: f.pages })}
                />
              </List.Item>
            )}
          />
        )}
      </Space>
    </Card>
  );
}
