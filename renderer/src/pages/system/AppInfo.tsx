// 程序与数据: version, store location, schema version and the audit chain's head (to write down or print).
import { Alert, Descriptions, Typography } from 'antd';
import { useQuery } from '../../hooks/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAuth } from '../../components/auth/auth-context';

type StartupChecks = NonNullable<ReturnType<typeof useQuery<'system.info'>>['data']>['startupChecks'];

/** The checks that run after the window shows (quick_check, daily backup, full audit walk), in one line. */
function startupText(c: StartupChecks | undefined): string {
  if (!c) return '';
  if (c.state === 'pending') return '尚未开始';
  if (c.state === 'running')
    return c.total ? `正在校验审计日志与数据（${c.done} / ${c.total}）` : '正在检查数据文件与备份';
  if (c.state === 'failed') return '后台检查未能完成，请查看日志';
  const parts = [
    c.quickCheck === 'ok' ? '数据文件完整' : `数据文件检查未通过：${c.quickCheck ?? ''}`,
    c.backup ? c.backup.message : '',
    c.checkedAt ? `审计日志与数据已完整校验（${new Date(c.checkedAt).toLocaleString('zh-CN')}）` : '',
  ];
  return parts.filter(Boolean).join('；');
}

export function AppInfo() {
  const info = useQuery('system.info', {});
  const workstation = useQuery('exchange.identity', {});
  const warning = useAuth()?.status.auditWarning;
  const backupWarning = useAuth()?.status.backupWarning;
  return (
    <>
      <ErrorAlert error={info.error} onRetry={info.reload} />
      {warning ? <Alert type="error" showIcon message={warning} style={{ marginBottom: 12 }} /> : null}
      {backupWarning ? (
        <Alert
          type="warning"
          showIcon
          message={backupWarning}
          style={{ marginBottom: 12 }}
          data-testid="backup-warning-system"
        />
      ) : null}
      <Descriptions bordered size="small" column={1} styles={{ label: { width: 160 } }}>
        <Descriptions.Item label="程序版本">{info.data?.appVersion}</Descriptions.Item>
        <Descriptions.Item label="数据结构版本">{info.data?.schemaVersion}</Descriptions.Item>
        <Descriptions.Item label="数据目录">
          <Typography.Text copyable>{info.data?.dataDir}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="数据文件">{info.data?.storeFile}</Descriptions.Item>
        <Descriptions.Item label="本工作站标识">
          {workstation.data ? (
            <Typography.Text copyable data-testid="workstation-id">
              {workstation.data.id}
              {workstation.data.label ? `（${workstation.data.label}）` : ''}
            </Typography.Text>
          ) : (
            '尚未建立（首次导出数据交换包时建立）'
          )}
        </Descriptions.Item>
        <Descriptions.Item label="审计记录条数">{info.data?.auditCount}</Descriptions.Item>
        <Descriptions.Item label="启动后检查">{startupText(info.data?.startupChecks)}</Descriptions.Item>
        <Descriptions.Item label="审计链头哈希">
          <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="audit-head">
            {info.data?.auditHead}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        链头哈希会打印在年度汇总表上。把纸质材料上的哈希与这里核对，可以证明审计日志未被整体改写。
      </Typography.Paragraph>
    </>
  );
}
