// A drafted box of one person's registration form — the 个人总结 (from the work records) or the
// 主管领导评语 (from the quarterly comments): each sentence editable, its source shown (which period's
// record or comment), lines used against the form's box; save (audited in core), regenerate.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Flex, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import type { OutputOf } from '@shared/api';
import { useAction, useQuery } from '../../hooks/useApi';

type Draft = OutputOf<'pack.summary.get'>;
type Sentence = Draft['sentences'][number];

const KIND_LABEL: Record<string, string> = {
  period_rating: '平时考核',
  evidence: '事件记录',
  person: '人员名册',
  manual: '手工填写',
};

const BOXES = {
  summary: {
    get: 'pack.summary.get',
    save: 'pack.summary.save',
    regenerate: 'pack.summary.regenerate',
    name: '个人总结',
    from: '平时记录',
  },
  comment: {
    get: 'pack.comment.get',
    save: 'pack.comment.save',
    regenerate: 'pack.comment.regenerate',
    name: '主管领导评语',
    from: '各季度评语',
  },
} as const;

export function SummaryEditor({
  yearId,
  personId,
  locked,
  onSaved,
  box = 'summary',
}: {
  yearId: string;
  personId: string;
  /** the year is decided: the text kept at finalisation is shown, not editable */
  locked: boolean;
  onSaved(): void;
  box?: keyof typeof BOXES;
}) {
  const m = BOXES[box];
  const q = useQuery(m.get, { yearId, personId });
  const act = useAction();
  const [sentences, setSentences] = useState<Sentence[]>([]);
  useEffect(() => setSentences(q.data?.sentences ?? []), [q.data]);
  const dirty = JSON.stringify(sentences) !== JSON.stringify(q.data?.sentences ?? []);

  const save = async () => {
    const r = await act(
      m.save,
      { yearId, personId, sentences, expectedUpdatedAt: q.data?.updatedAt ?? null },
      `${m.name}已保存`,
    );
    if (r) {
      q.reload();
      onSaved();
    }
  };
  const regenerate = async () => {
    const r = await act(m.regenerate, { yearId, personId }, `已按${m.from}重新生成`);
    if (r) {
      q.reload();
      onSaved();
    }
  };
  const d = q.data;
  return (
    <Card
      size="small"
      data-testid={`draft-${box}`}
      title={`${m.name}草稿`}
      extra={
        d && (
          <Typography.Text
            type={d.lines > d.maxLines ? 'danger' : 'secondary'}
          >{`占 ${d.lines} / ${d.maxLines} 行${d.edited ? '（已修改）' : d.stored ? '' : '（自动起草）'}`}</Typography.Text>
        )
      }
    >
      {q.error && <Alert type="error" showIcon message={q.error.message} />}
      {locked && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          message={`本年度已定档，${m.name}随年度锁定（重印以定档时保存的为准）。`}
        />
      )}
      <Space direction="vertical" style={{ width: '100%' }}>
        {sentences.length === 0 && !locked ? (
          <Typography.Text type="secondary">{`${m.from}中没有可用的内容；可手工添加。`}</Typography.Text>
        ) : null}
        {sentences.map((s, i) => (
          <Flex key={i} gap={6} align="start">
            <Input.TextArea
              aria-label={`第${i + 1}句`}
              readOnly={locked}
              autoSize={{ minRows: 1, maxRows: 4 }}
              value={s.text}
              onChange={(e) => setSentences(sentences.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))}
            />
            <Tag title={s.source?.label ?? '经办人填写'} style={{ flex: 'none', marginTop: 4 }}>
              {s.source ? (KIND_LABEL[s.source.kind] ?? s.source.kind) : '手工'}
            </Tag>
            <Button
              size="small"
              type="text"
              aria-label={`删除第${i + 1}句`}
              disabled={locked}
              onClick={() => setSentences(sentences.filter((_, j) => j !== i))}
            >
              ✕
            </Button>
          </Flex>
        ))}
        <Flex gap={8} wrap hidden={locked}>
          <Button size="small" onClick={() => setSentences([...sentences, { text: '', source: null }])}>
            添加一句
          </Button>
          <Button
            size="small"
            type="primary"
            disabled={!dirty || sentences.some((s) => !s.text.trim())}
            onClick={() => void save()}
          >
            保存
          </Button>
          <Popconfirm
            title={`按${m.from}重新生成？手工修改将被替换。`}
            okText="重新生成"
            cancelText="取消"
            onConfirm={() => void regenerate()}
          >
            <Button size="small">重新生成</Button>
          </Popconfirm>
        </Flex>
      </Space>
    </Card>
  );
}
