// 生成考核材料: choose the scope (whole unit, or departments) and the sheets, pick a folder, run
// the export job with a progress bar and cancel, then list the files written.
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, List, Progress, Radio, Space, Typography } from 'antd';
import type { OutputOf } from '@shared/api';
import type { PackSheetKind } from '@shared/sheets/pack-sheets';
import { ApiError, call } from '../../api/client';
import { cancelJob, followJob } from '../../api/jobs';

type Options = OutputOf<'pack.options'>;
interface Written {
  path: string;
  fileName: string;
  pages: number;
  persons: number;
}

export function ExportPanel({ yearId, options }: { yearId: string; options: Options }) {
  const { message } = App.useApp();
  const [scope, setScope] = useState<'unit' | 'departments'>('unit');
  const [departmentIds, setDepartmentIds] = useState<string[]>([]);
  const [sheets, setSheets] = useState<PackSheetKind[]>(options.sheets.map((s) => s.kind));
  const [folder, setFolder] = useState<string | null>(null);
  const [job, setJob] = useState<{ id: string; done: number; total: number; message: string } | null>(null);
  const [files, setFiles] = useState<Written[]>([]);
  const [error, setError] = useState<string | null>(null);

  const pick = async () => {
    const { path } = await call('desktop.pickFolder', { title: '选择考核材料的保存文件夹' });
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
      setJob({ id: started.id, done: 0, total: 0, message: '正在准备' });
      const state = await followJob(started, (s) => {
        if (s.status === 'running') setJob({ id: s.id, done: s.done, total: s.total, message: s.message });
      });
      if (state.status === 'cancelled') void message.info('已取消，未留下任何文件。');
      else if (state.status !== 'done') setError(state.error?.message ?? '生成失败');
      else {
        const written = (state.value as { files: Written[] }).files;
        setFiles(written);
        void message.success(`已生成 ${written.length} 个文件`);
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
    <Card title="生成考核材料" size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <div>
          <Typography.Text strong>范围</Typography.Text>
          <Radio.Group
            value={scope}
            onChange={(e) => setScope(e.target.value as 'unit' | 'departments')}
            style={{ display: 'block', marginTop: 4 }}
            aria-label="范围"
          >
            <Radio value="unit">全单位（一个文件）</Radio>
            <Radio value="departments">按部门（每个部门一个文件）</Radio>
          </Radio.Group>
          {scope === 'departments' && (
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', marginTop: 6, marginLeft: 24 }}
              value={departmentIds}
              onChange={(v) => setDepartmentIds(v)}
              options={options.departments.map((d) => ({ value: d.id, label: `${d.name}（${d.persons}人）` }))}
            />
          )}
        </div>
        <div>
          <Typography.Text strong>表格</Typography.Text>
          <Checkbox.Group
            aria-label="表格"
            style={{ display: 'flex', flexDirection: 'column', marginTop: 4 }}
            value={sheets}
            onChange={(v) => setSheets(v)}
            options={options.sheets.map((s) => ({ value: s.kind, label: s.label }))}
          />
        </div>
        <Flex gap={8} align="center" wrap>
          <Button onClick={() => void pick()} disabled={!!job}>
            选择保存文件夹
          </Button>
          <Typography.Text
            type={folder ? undefined : 'secondary'}
            ellipsis
            style={{ maxWidth: 260 }}
            title={folder ?? ''}
          >
            {folder ?? '尚未选择'}
          </Typography.Text>
        </Flex>
        <Flex gap={8}>
          <Button type="primary" disabled={!canRun} onClick={() => void run()}>
            生成考核材料
          </Button>
          {job && (
            <Button danger onClick={() => void cancel()}>
              取消
            </Button>
          )}
        </Flex>
        {job && (
          <div aria-label="生成进度">
            <Progress percent={percent} size="small" />
            <Typography.Text type="secondary">{job.message}</Typography.Text>
          </div>
        )}
        {error && <Alert type="error" showIcon message={error} />}
        {files.length > 0 && (
          <List
            size="small"
            header="已生成的文件"
            dataSource={files}
            renderItem={(f) => (
              <List.Item
                actions={[
                  <a key="open" onClick={() => void call('desktop.showInFolder', { path: f.path })}>
                    打开所在文件夹
                  </a>,
                ]}
              >
                <List.Item.Meta title={f.fileName} description={`${f.persons} 人，${f.pages} 页`} />
              </List.Item>
            )}
          />
        )}
      </Space>
    </Card>
  );
}
