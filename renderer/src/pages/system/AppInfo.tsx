// 程序与数据: version, store location, schema version and the audit chain's head (to write down or print).
import { Alert, Descriptions, Typography } from 'antd';
import { useQuery } from '../../hooks/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAuth } from '../../components/auth/auth-context';
import { useLanguage } from '../../i18n/language';
import type { MessageKey } from '../../i18n/zh';
import type { Params } from '../../i18n/format';

type StartupChecks = NonNullable<ReturnType<typeof useQuery<'system.info'>>['data']>['startupChecks'];

/** The checks that run after the window shows (quick_check, daily backup, full audit walk), in one line. */
function startupText(
  c: StartupChecks | undefined,
  t: (key: MessageKey, params?: Params) => string,
  locale: string,
): string {
  if (!c) return '';
  if (c.state === 'pending') return t('info.pending');
  if (c.state === 'running')
    return c.total ? t('info.running', { done: c.done, total: c.total }) : t('info.runningFiles');
  if (c.state === 'failed') return t('info.failed');
  const parts = [
    c.quickCheck === 'ok' ? t('info.fileOk') : t('info.fileBad', { problem: c.quickCheck ?? '' }),
    c.backup ? c.backup.message : '', // the core's sentence
    c.checkedAt ? t('info.checked', { at: new Date(c.checkedAt).toLocaleString(locale) }) : '',
  ];
  return parts.filter(Boolean).join(t('info.sep'));
}

export function AppInfo() {
  const info = useQuery('system.info', {});
  const { lang, t } = useLanguage();
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
        <Descriptions.Item label={t('info.version')}>{info.data?.appVersion}</Descriptions.Item>
        <Descriptions.Item label={t('info.schema')}>{info.data?.schemaVersion}</Descriptions.Item>
        <Descriptions.Item label={t('info.dataDir')}>
          <Typography.Text copyable>{info.data?.dataDir}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('info.storeFile')}>{info.data?.storeFile}</Descriptions.Item>
        <Descriptions.Item label={t('info.workstation')}>
          {workstation.data ? (
            <Typography.Text copyable data-testid="workstation-id">
              {workstation.data.id}
              {workstation.data.label ? t('info.workstationLabel', { label: workstation.data.label }) : ''}
            </Typography.Text>
          ) : (
            t('info.noWorkstation')
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('info.auditCount')}>{info.data?.auditCount}</Descriptions.Item>
        <Descriptions.Item label={t('info.startup')}>
          {startupText(info.data?.startupChecks, t, lang === 'en' ? 'en-GB' : 'zh-CN')}
        </Descriptions.Item>
        <Descriptions.Item label={t('info.auditHead')}>
          <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="audit-head">
            {info.data?.auditHead}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('info.headNote')}
      </Typography.Paragraph>
    </>
  );
}
