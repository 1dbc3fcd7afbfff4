// 备份 (系统管理员): the backups in the data folder, back up now, back up to a folder (a USB drive),
// restore from a listed backup or a chosen file after main checks it.
import { App, Button, Flex, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { CloudDownloadOutlined, FolderOpenOutlined, SaveOutlined } from '@ant-design/icons';
import type { BackupDto } from '@shared/api/trust';
import type { JobStateDto } from '@shared/api/jobs';
import { useAction, useQuery } from '../../hooks/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAuth } from '../../components/auth/auth-context';
import { percent, useJob } from '../../components/import/useJob';

const REASONS: Record<string, string> = {
  daily: '每日自动',
  manual: '手动',
  copy: '复制到文件夹',
  'before-import': '导入前',
  'before-finalise': '年度定档前',
  'before-finalize': '年度定档前',
  'before-restore': '恢复前',
};

function reasonLabel(r: string): string {
  if (r.startsWith('before-migration')) return '升级前';
  return REASONS[r] ?? r;
}

function size(bytes: number): string {
  return bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function when(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function Backups() {
  const list = useQuery('backup.list', {});
  const run = useAction();
  // Themed dialogs (the static Modal.confirm cannot see the app's theme and locale).
  const { modal, message } = App.useApp();
  const auth = useAuth();
  const job = useJob();
  const busy = job.job?.status === 'running';

  /** A backup is a job: its progress shows on the button, its end (the file made) arrives pushed. */
  const backUp = async (started: JobStateDto | null, done: string) => {
    if (!started) return;
    const end = await job.follow(started);
    job.reset();
    if (end.status === 'done') {
      void message.success(`${done}：${(end.value as BackupDto).name}`);
      list.reload();
    } else if (end.status === 'failed') void message.error({ content: end.error?.message ?? '备份失败', duration: 6 });
  };

  const restore = (file: string, label: string) => {
    let reason = '';
    modal.confirm({
      title: `从备份恢复：${label}`,
      width: 520,
      content: (
        <>
          <Typography.Paragraph>
            恢复前会先校验备份文件的完整性，并把当前数据另存为一份备份。恢复后，这份备份之后所做的修改将不在当前数据中。
          </Typography.Paragraph>
          <Input
            placeholder="恢复原因（必填，记入审计日志）"
            maxLength={200}
            onChange={(e) => (reason = e.target.value)}
          />
        </>
      ),
      okText: '恢复',
      okButtonProps: { danger: true },
      onOk: async () => {
        if (reason.trim().length < 2) throw new Error('请填写恢复原因');
        const r = await run('backup.restore', { file, reason: reason.trim() }, '已恢复');
        if (r) {
          list.reload();
          await auth?.refresh();
        }
      },
    });
  };

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} wrap gap={8}>
        <Typography.Text type="secondary">
          每天第一次打开、导入前、年度定档前自动备份，保留最近 {list.data?.keep ?? 30} 份。备份目录：{list.data?.dir}
        </Typography.Text>
        <Space>
          <Button
            icon={<SaveOutlined />}
            type="primary"
            loading={busy}
            onClick={async () => backUp(await run('backup.create', {}), '已备份')}
          >
            {busy ? `正在备份 ${percent(job.job)}%` : '立即备份'}
          </Button>
          <Button
            icon={<FolderOpenOutlined />}
            disabled={busy}
            onClick={async () => {
              const picked = await run('desktop.pickFolder', { title: '选择备份位置（如U盘）' });
              if (picked?.path)
                await backUp(await run('backup.toFolder', { folder: picked.path }), `已备份到 ${picked.path}`);
            }}
          >
            备份到文件夹…
          </Button>
          {busy ? <Button onClick={() => void job.cancel()}>取消备份</Button> : null}
          <Button
            icon={<CloudDownloadOutlined />}
            onClick={async () => {
              const picked = await run('desktop.pickOpenFile', {
                title: '选择备份文件',
                filters: [{ name: '备份文件', extensions: ['sqlite'] }],
              });
              if (picked?.path) restore(picked.path, picked.path);
            }}
          >
            从文件恢复…
          </Button>
        </Space>
      </Flex>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<BackupDto>
        rowKey="file"
        size="small"
        loading={list.loading}
        dataSource={list.data?.rows ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 160, render: when },
          { title: '类型', dataIndex: 'reason', width: 120, render: (r: string) => <Tag>{reasonLabel(r)}</Tag> },
          { title: '大小', dataIndex: 'bytes', width: 100, render: size },
          { title: '文件', dataIndex: 'name', ellipsis: true },
          {
            title: '',
            width: 90,
            render: (_: unknown, b) => (
              <Button size="small" onClick={() => restore(b.file, `${when(b.at)} ${reasonLabel(b.reason)}`)}>
                恢复
              </Button>
            ),
          },
        ]}
      />
      {list.data ? (
        <Form
          layout="inline"
          style={{ marginTop: 16 }}
          initialValues={{ backupKeep: list.data.keep }}
          onFinish={(v: { backupKeep: number }) =>
            void run('backup.saveSettings', v, '已保存').then(() => list.reload())
          }
        >
          <Form.Item label="自动备份保留" name="backupKeep" rules={[{ required: true }]}>
            <InputNumber min={3} max={365} suffix="份" />
          </Form.Item>
          <Button htmlType="submit">保存</Button>
        </Form>
      ) : null}
    </>
  );
}
