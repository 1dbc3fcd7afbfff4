// A drafted box of one person's registration form — the 个人总结 (from the work records) or the
// 主管领导评语 (from the quarterly comments): each sentence editable, its source shown (which period's
// record or comment), lines used against the form's box; save (audited in core), regenerate.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Flex, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import type { OutputOf } from '@shared/api';
import { useAction, useQuery } from '../../hooks/useApi';
import { useT } from '../../i18n/language';
import type { MessageKey } from '../../i18n/zh';

type Draft = OutputOf<'pack.summary.get'>;
type Sentence = Draft['sentences'][number];

const KIND_LABEL: Record<string, MessageKey> = {
  period_rating: 'draft.kind.period_rating',
  evidence: 'draft.kind.evidence',
  person: 'draft.kind.person',
  manual: 'draft.kind.manual',
};

const BOXES = {
  summary: {
    get: 'pack.summary.get',
    save: 'pack.summary.save',
    regenerate: 'pack.summary.regenerate',
    name: 'draft.summary',
    from: 'draft.summaryFrom',
  },
  comment: {
    get: 'pack.comment.get',
    save: 'pack.comment.save',
    regenerate: 'pack.comment.regenerate',
    name: 'draft.comment',
    from: 'draft.commentFrom',
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
  const t = useT();
  const m = BOXES[box];
  const name = t(m.name);
  const from = t(m.from);
  const q = useQuery(m.get, { yearId, personId });
  const act = useAction();
  const [sentences, setSentences] = useState<Sentence[]>([]);
  useEffect(() => setSentences(q.data?.sentences ?? []), [q.data]);
  const dirty = JSON.stringify(sentences) !== JSON.stringify(q.data?.sentences ?? []);

  const save = async () => {
    const r = await act(
      m.save,
      { yearId, personId, sentences, expectedUpdatedAt: q.data?.updatedAt ?? null },
      t('draft.saved', { name }),
    );
    if (r) {
      q.reload();
      onSaved();
    }
  };
  const regenerate = async () => {
    const r = await act(m.regenerate, { yearId, personId }, t('draft.regenerated', { from }));
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
      title={t('draft.title', { name })}
      extra={
        d && (
          <Typography.Text type={d.lines > d.maxLines ? 'danger' : 'secondary'}>
            {t('draft.lines', { lines: d.lines, max: d.maxLines }) +
              (d.edited ? t('draft.edited') : d.stored ? '' : t('draft.auto'))}
          </Typography.Text>
        )
      }
    >
      {q.error && <Alert type="error" showIcon message={q.error.message} />}
      {locked && <Alert type="info" showIcon style={{ marginBottom: 8 }} message={t('draft.locked', { name })} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {sentences.length === 0 && !locked ? (
          <Typography.Text type="secondary">{t('draft.empty', { from })}</Typography.Text>
        ) : null}
        {sentences.map((s, i) => (
          <Flex key={i} gap={6} align="start">
            <Input.TextArea
              aria-label={t('draft.sentence', { n: i + 1 })}
              readOnly={locked}
              autoSize={{ minRows: 1, maxRows: 4 }}
              value={s.text}
              onChange={(e) => setSentences(sentences.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))}
            />
            <Tag title={s.source?.label ?? t('draft.byClerk')} style={{ flex: 'none', marginTop: 4 }}>
              {s.source
                ? KIND_LABEL[s.source.kind]
                  ? t(KIND_LABEL[s.source.kind]!)
                  : s.source.kind
                : t('draft.manual')}
            </Tag>
            <Button
              size="small"
              type="text"
              aria-label={t('draft.delete', { n: i + 1 })}
              disabled={locked}
              onClick={() => setSentences(sentences.filter((_, j) => j !== i))}
            >
              ✕
            </Button>
          </Flex>
        ))}
        <Flex gap={8} wrap hidden={locked}>
          <Button size="small" onClick={() => setSentences([...sentences, { text: '', source: null }])}>
            {t('draft.add')}
          </Button>
          <Button
            size="small"
            type="primary"
            disabled={!dirty || sentences.some((s) => !s.text.trim())}
            onClick={() => void save()}
          >
            {t('draft.save')}
          </Button>
          <Popconfirm
            title={t('draft.regenerateAsk', { from })}
            okText={t('draft.regenerate')}
            cancelText={t('draft.cancel')}
            onConfirm={() => void regenerate()}
          >
            <Button size="small">{t('draft.regenerate')}</Button>
          </Popconfirm>
        </Flex>
      </Space>
    </Card>
  );
}
