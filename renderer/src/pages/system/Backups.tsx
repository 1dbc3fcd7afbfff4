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
import { useT } from '../../i18n/language';
import type { MessageKey } from '../../i18n/zh';

/** The reason a backup file's name carries → its label's key. */
const REASONS: Record<string, MessageKey> = {
  daily: 'bk.reason.daily',
  manual: 'bk.reason.manual',
  copy: 'bk.reason.copy',
  'before-import': 'bk.reason.beforeImport',
  'before-finalise': 'bk.reason.beforeFinalise',
  'before-finalize': 'bk.reason.beforeFinalise',
  'before-restore': 'bk.reason.beforeRestore',
};

function reasonKey(r: string): MessageKey | null {
  if (r.startsWith('before-migration')) return 'bk.reason.beforeMigration';
  return REASONS[r] ?? null;
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
  const t = useT();
  const reasonLabel = (r: string) => {
    const key = reasonKey(r);
    return key ? t(key) : r;
  };

  /** A backup is a job: its progress shows on the button, its end (the file made) arrives pushed. */
  const backUp = async (started: JobStateDto | null, done: string) => {
    if (!started) return;
    const end = await job.follow(started);
    job.reset();
    if (end.status === 'done') {
      void message.success(t('bk.doneNamed', { done, name: (end.value as BackupDto).name }));
      list.reload();
    } else if (end.status === 'failed')
      void message.error({ content: end.error?.message ?? t('bk.failed'), duration: 6 });
  };

  const restore = (file: string, label: string) => {
    let reason = '';
    modal.confirm({
      title: t('bk.restoreTitle', { label }),
      width: 520,
      content: (
        <>
          <Typography.Paragraph>{t('bk.restoreText')}</Typography.Paragraph>
          <Input placeholder={t('bk.restoreReason')} maxLength={200} onChange={(e) => (reason = e.target.value)} />
        </>
      ),
      okText: t('bk.restoreOk'),
      okButtonProps: { danger: true },
      onOk: async () => {
        if (reason.trim().length < 2) throw new Error(t('bk.restoreReasonRequired'));
        const r = await run('backup.restore', { file, reason: reason.trim() }, t('bk.restored'));
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
          {t('bk.note', { keep: list.data?.keep ?? 30, dir: list.data?.dir ?? '' })}
        </Typography.Text>
        <Space>
          <Button
            icon={<SaveOutlined />}
            type="primary"
            loading={busy}
            onClick={async () => backUp(await run('backup.create', {}), t('bk.done'))}
          >
            {busy ? t('bk.running', { pct: percent(job.job) }) : t('bk.now')}
          </Button>
          <Button
            icon={<FolderOpenOutlined />}
            disabled={busy}
            onClick={async () => {
              const picked = await run('desktop.pickFolder', { title: t('bk.pickFolder') });
              if (picked?.path)
                await backUp(
                  await run('backup.toFolder', { folder: picked.path }),
                  t('bk.doneTo', { path: picked.path }),
                );
            }}
          >
            {t('bk.toFolder')}
          </Button>
          {busy ? <Button onClick={() => void job.cancel()}>{t('bk.cancel')}</Button> : null}
          <Button
            icon={<CloudDownloadOutlined />}
            onClick={async () => {
              const picked = await run('desktop.pickOpenFile', {
                title: t('bk.pickFile'),
                filters: [{ name: t('bk.fileType'), extensions: ['sqlite'] }],
              });
              if (picked?.path) restore(picked.path, picked.path);
            }}
          >
            {t('bk.fromFile')}
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
          { title: t('bk.col.at'), dataIndex: 'at', width: 160, render: when },
          {
            title: t('bk.col.reason'),
            dataIndex: 'reason',
            width: 120,
            render: (r: string) => <Tag>{reasonLabel(r)}</Tag>,
          },
          { title: t('bk.col.size'), dataIndex: 'bytes', width: 100, render: size },
          { title: t('bk.col.file'), dataIndex: 'name', ellipsis: true },
          {
            title: '',
            width: 90,
            render: (_: unknown, b) => (
              <Button size="small" onClick={() => restore(b.file, `${when(b.at)} ${reasonLabel(b.reason)}`)}>
                {t('bk.restore')}
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
            void run('backup.saveSettings', v, t('bk.saved')).then(() => list.reload())
          }
        >
          <Form.Item label={t('bk.keep')} name="backupKeep" rules={[{ required: true }]}>
            <InputNumber min={3} max={365} suffix={t('bk.copies')} />
          </Form.Item>
          <Button htmlType="submit">{t('bk.save')}</Button>
        </Form>
      ) : null}
    </>
  );
}
