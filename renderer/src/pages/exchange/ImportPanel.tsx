// 导入交换包: the bundle is checked and compared in the background; the preview lists what is new,
// changed and in conflict, the clerk chooses per conflict, and only then is it applied (one job,
// one transaction). A re-import of the same bundle says so and changes nothing.
import { useState } from 'react';
import { Alert, Button, Descriptions, Progress, Radio, Space, Table, Tag } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { BUNDLE_EXTENSION, PART_LABEL } from '@shared/exchange/bundle';
import {
  CHOICE_LABEL,
  CONFLICT_KIND_LABEL,
  ITEM_STATUS_LABEL,
  type ConflictChoice,
  type ExchangePreview,
  type ExchangeResult,
  type PreviewItem,
} from '@shared/exchange/preview';
import { ApiError, call } from '../../api/client';
import { toApiError } from '../../hooks/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { percent, useJob } from '../../components/import/useJob';

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

  const pick = async () => {
    setError(null);
    setResult(null);
    setPreview(null);
    setChoices({});
    try {
      const { path } = await call('desktop.pickOpenFile', {
        title: '选择数据交换包',
        filters: [{ name: '数据交换包', extensions: [BUNDLE_EXTENSION] }],
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
          选择交换包…
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
            <Descriptions.Item label="文件">{b.fileName}</Descriptions.Item>
            <Descriptions.Item label="报送单位">{b.unitLabel}</Descriptions.Item>
            <Descriptions.Item label="年度与期间">{`${b.year} 年：${b.periods.join('、') || '（无）'}`}</Descriptions.Item>
            <Descriptions.Item label="方向">{b.direction === 'up' ? '部门报送' : '考核办下发'}</Descriptions.Item>
            <Descriptions.Item label="生成">{`${new Date(b.createdAt).toLocaleString('zh-CN')}，${b.createdBy}`}</Descriptions.Item>
            <Descriptions.Item label="程序版本">{`${b.appVersion}（交换包格式第 ${b.formatVersion} 版）`}</Descriptions.Item>
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
              { title: '内容', render: (_: unknown, r) => PART_LABEL[r.part] },
              ...(['new', 'changed', 'unchanged', 'conflict', 'refused'] as const).map((s) => ({
                title: ITEM_STATUS_LABEL[s],
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
                title: '情况',
                width: 110,
                render: (_: unknown, i) => (
                  <Tag color={STATUS_COLOR[i.status]}>
                    {i.conflict ? CONFLICT_KIND_LABEL[i.conflict] : ITEM_STATUS_LABEL[i.status]}
                  </Tag>
                ),
              },
              { title: '内容', width: 90, render: (_: unknown, i) => PART_LABEL[i.part] },
              { title: '记录', dataIndex: 'label', width: 200 },
              { title: '本机', dataIndex: 'mine' },
              { title: '交换包', render: (_: unknown, i) => i.message || i.theirs },
              {
                title: '处理',
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
                          {CHOICE_LABEL[c]}
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
            {unchosen > 0 ? `还有 ${unchosen} 处冲突未选择` : '导入'}
          </Button>
        </>
      )}
    </>
  );
}
