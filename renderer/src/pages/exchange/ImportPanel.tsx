// 导入交换包: the bundle is checked and compared in the background; the preview lists what is new,
// changed and in conflict, the clerk chooses per conflict, and only then is it applied (one job,
// one transaction). A re-import of the same bundle says so and changes nothing.
import { useState } from 'react';
import { Alert, Button, Descriptions, Progress, Radio, Space, Table, Tag } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { BUNDLE_EXTENSION } from '@shared/exchange/bundle';
import {
  type ConflictChoice,
  type ExchangePreview,
  type ExchangeResult,
  type PreviewItem,
} from '@shared/exchange/preview';
import { ApiError, call } from '../../api/client';
import { toApiError } from '../../hooks/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { percent, useJob } from '../../components/import/useJob';
import { useLanguage } from '../../i18n/language';

const STATUS_COLOR = {
  new: 'green',
  changed: 'blue',
  conflict: 'red',
  refused: 'default',
  unchanged: 'default',
} as const;

export function ImportPanel({ onDone }: { onDone: () => void }) {
  const [preview, setPreview] = useState<ExchangePreview | null>(null);
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<ExchangeResult | null>(null);
  const { job, follow } = useJob();
  const { lang, t } = useLanguage();

  const pick = async () => {
    setError(null);
    setResult(null);
    setPreview(null);
    setChoices({});
    try {
      const { path } = await call('desktop.pickOpenFile', {
        title: t('xim.pickTitle'),
        filters: [{ name: t('xex.fileType'), extensions: [BUNDLE_EXTENSION] }],
      });
      if (!path) return;
      const end = await follow(await call('exchange.preview', { path }));
      if (end.status === 'done')
        setPreview(await call('exchange.getPreview', { previewId: (end.value as ExchangePreview).previewId }));
      else if (end.status === 'failed') setError(new ApiError(end.error as never));
    } catch (e) {
      setError(toApiError(e));
    }
  };

  const apply = async () => {
    if (!preview) return;
    setError(null);
    try {
      const end = await follow(
        await call('exchange.apply', {
          previewId: preview.previewId,
          choices: Object.entries(choices).map(([key, choice]) => ({ key, choice })),
        }),
      );
      if (end.status === 'done') {
        setResult(end.value as ExchangeResult);
        setPreview(null);
        onDone();
      } else if (end.status === 'failed') setError(new ApiError(end.error as never));
    } catch (e) {
      setError(toApiError(e));
    }
  };

  const conflicts = preview?.items.filter((i) => i.status === 'conflict') ?? [];
  const unchosen = conflicts.filter((i) => !choices[i.key]).length;
  const b = preview?.bundle;
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button icon={<UploadOutlined />} onClick={() => void pick()} data-testid="exchange-pick">
          {t('xim.pick')}
        </Button>
      </Space>
      {job?.status === 'running' && <Progress percent={percent(job)} status="active" />}
      <ErrorAlert error={error} />
      {result && (
        <Alert
          type={result.applied ? 'success' : 'info'}
          showIcon
          message={result.message}
          style={{ marginBottom: 12 }}
          data-testid="exchange-result"
        />
      )}
      {preview && b && (
        <>
          <Descriptions bordered size="small" column={2} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('xim.file')}>{b.fileName}</Descriptions.Item>
            <Descriptions.Item label={t('xim.unit')}>{b.unitLabel}</Descriptions.Item>
            <Descriptions.Item label={t('xim.yearPeriods')}>
              {t('xim.yearPeriodsValue', { year: b.year, periods: b.periods.join(t('xim.listSep')) || t('xim.none') })}
            </Descriptions.Item>
            <Descriptions.Item label={t('xim.direction')}>
              {t(b.direction === 'up' ? 'xim.dir.up' : 'xim.dir.down')}
            </Descriptions.Item>
            <Descriptions.Item label={t('xim.created')}>
              {t('xim.createdValue', {
                at: new Date(b.createdAt).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN'),
                by: b.createdBy,
              })}
            </Descriptions.Item>
            <Descriptions.Item label={t('xim.version')}>
              {t('xim.versionValue', { app: b.appVersion, format: b.formatVersion })}
            </Descriptions.Item>
          </Descriptions>
          <Alert
            type={preview.alreadyImportedAt ? 'info' : preview.counts.conflict ? 'warning' : 'success'}
            showIcon
            message={preview.message}
            style={{ marginBottom: 12 }}
            data-testid="exchange-preview-message"
          />
          <Table
            size="small"
            rowKey="part"
            pagination={false}
            dataSource={preview.byPart}
            style={{ marginBottom: 12 }}
            columns={[
              { title: t('xim.col.part'), render: (_: unknown, r) => t(`xch.part.${r.part}`) },
              ...(['new', 'changed', 'unchanged', 'conflict', 'refused'] as const).map((s) => ({
                title: t(`xch.status.${s}`),
                width: 80,
                render: (_: unknown, r: ExchangePreview['byPart'][number]) => r.counts[s],
              })),
            ]}
          />
          <Table<PreviewItem>
            size="small"
            rowKey="key"
            dataSource={preview.items}
            pagination={{ pageSize: 50 }}
            data-testid="exchange-items"
            columns={[
              {
                title: t('xim.col.state'),
                width: 110,
                render: (_: unknown, i) => (
                  <Tag color={STATUS_COLOR[i.status]}>
                    {i.conflict ? t(`xch.conflict.${i.conflict}`) : t(`xch.status.${i.status}`)}
                  </Tag>
                ),
              },
              { title: t('xim.col.part'), width: 90, render: (_: unknown, i) => t(`xch.part.${i.part}`) },
              { title: t('xim.col.record'), dataIndex: 'label', width: 200 },
              { title: t('xim.col.mine'), dataIndex: 'mine' },
              { title: t('xim.col.theirs'), render: (_: unknown, i) => i.message || i.theirs },
              {
                title: t('xim.col.choice'),
                width: 220,
                render: (_: unknown, i) =>
                  i.status === 'conflict' ? (
                    <Radio.Group
                      value={choices[i.key]}
                      onChange={(e) => setChoices((c) => ({ ...c, [i.key]: e.target.value as ConflictChoice }))}
                      data-testid={`exchange-choice-${i.key}`}
                    >
                      {(['theirs', 'mine'] as const).map((c) => (
                        <Radio key={c} value={c}>
                          {t(`xch.choice.${c}`)}
                        </Radio>
                      ))}
                    </Radio.Group>
                  ) : null,
              },
            ]}
          />
          <Button
            type="primary"
            disabled={unchosen > 0 || !!preview.alreadyImportedAt}
            onClick={() => void apply()}
            data-testid="exchange-apply"
            style={{ marginTop: 12 }}
          >
            {unchosen > 0 ? t('xim.unchosen', { n: unchosen }) : t('xim.apply')}
          </Button>
        </>
      )}
    </>
  );
}
