// 合并人员记录: pick the record to keep, see what moves over and what blocks the merge, choose whose
// rating (or history grade) stays where the two differ, give a reason. The store is backed up first;
// the message names the backup, from which 系统管理 → 备份 restores the two records.
import { useState } from 'react';
import { Alert, App, Descriptions, Input, Modal, Radio, Space, Table, Typography } from 'antd';
import type { MergeChoice, MergeConflictDto } from '@shared/api/people';
import type { PersonDto } from '@shared/domain/records';
import { call } from '../../api/client';
import { toApiError, useQuery } from '../../hooks/useApi';
import { useT } from '../../i18n/language';

interface Props {
  people: [PersonDto, PersonDto];
  onClose(): void;
  onMerged(): void;
}

type T = ReturnType<typeof useT>;
const who = (t: T, p: PersonDto) =>
  t(p.status === 'left' ? 'merge.whoLeft' : 'merge.who', { name: p.name, personNo: p.personNo, unit: p.unitName });

export function MergeDialog({ people, onClose, onMerged }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [keptId, setKeptId] = useState(people[0].id);
  const absorbedId = people[0].id === keptId ? people[1].id : people[0].id;
  const preview = useQuery('people.mergePreview', { keptId, absorbedId });
  const [choices, setChoices] = useState<Record<string, MergeChoice['keep']>>({});
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const p = preview.data;
  const unresolved = p ? p.conflicts.filter((c) => !choices[c.key]).length : 0;
  const can = !!p && p.blockers.length === 0 && unresolved === 0 && reason.trim().length > 0;

  const ok = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await call('people.merge', {
        keptId,
        absorbedId,
        reason: reason.trim(),
        choices: Object.entries(choices).map(([key, keep]) => ({ key, keep })),
      });
      void message.success({
        content: t('merge.done', { backup: r.backup }),
        duration: 8,
      });
      onMerged();
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={t('merge.title')}
      onCancel={onClose}
      onOk={ok}
      okText={t('merge.ok')}
      okButtonProps={{ disabled: !can, loading: busy, danger: true }}
    >
      <Typography.Paragraph>{t('merge.intro')}</Typography.Paragraph>
      <Radio.Group
        value={keptId}
        onChange={(e) => {
          setKeptId(e.target.value as string);
          setChoices({});
        }}
        style={{ marginBottom: 12 }}
      >
        <Space direction="vertical">
          {people.map((x) => (
            <Radio key={x.id} value={x.id}>
              {t('merge.keep', { who: who(t, x) })}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
      {preview.error ? <Alert type="error" showIcon message={preview.error.message} /> : null}
      {p ? (
        <>
          <Descriptions
            size="small"
            column={3}
            bordered
            title={t('merge.moving', { who: who(t, p.kept) })}
            style={{ marginBottom: 12 }}
          >
            <Descriptions.Item label={t('merge.ratings')}>{p.moving.ratings}</Descriptions.Item>
            <Descriptions.Item label={t('merge.evidence')}>{p.moving.evidence}</Descriptions.Item>
            <Descriptions.Item label={t('merge.history')}>{p.moving.history}</Descriptions.Item>
            <Descriptions.Item label={t('merge.decisions')}>{p.moving.decisions}</Descriptions.Item>
            <Descriptions.Item label={t('merge.moves')}>{p.moving.moves}</Descriptions.Item>
            <Descriptions.Item label={t('merge.other')}>{p.moving.other}</Descriptions.Item>
          </Descriptions>
          {p.blockers.map((b) => (
            <Alert key={b} type="error" showIcon message={b} style={{ marginBottom: 8 }} />
          ))}
          {p.conflicts.length ? (
            <ConflictTable
              conflicts={p.conflicts}
              choices={choices}
              onChoose={(key, keep) => setChoices((c) => ({ ...c, [key]: keep }))}
            />
          ) : null}
        </>
      ) : null}
      <Input.TextArea
        aria-label={t('merge.reason')}
        placeholder={t('merge.reasonPlaceholder')}
        maxLength={200}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        style={{ marginTop: 12 }}
      />
      {error ? <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} /> : null}
    </Modal>
  );
}

function ConflictTable({
  conflicts,
  choices,
  onChoose,
}: {
  conflicts: MergeConflictDto[];
  choices: Record<string, MergeChoice['keep']>;
  onChoose(key: string, keep: MergeChoice['keep']): void;
}) {
  const t = useT();
  return (
    <>
      <Typography.Text strong>{t('merge.conflicts')}</Typography.Text>
      <Table<MergeConflictDto>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={conflicts}
        columns={[
          { title: t('merge.subject'), dataIndex: 'subject', width: 150 },
          {
            title: t('merge.keepCol'),
            render: (_: unknown, c) => (
              <Radio.Group
                value={choices[c.key]}
                onChange={(e) => onChoose(c.key, e.target.value as MergeChoice['keep'])}
              >
                <Space direction="vertical">
                  <Radio value="kept">{t('merge.keptValue', { value: c.kept })}</Radio>
                  <Radio value="absorbed">{t('merge.absorbedValue', { value: c.absorbed })}</Radio>
                </Space>
              </Radio.Group>
            ),
          },
        ]}
      />
    </>
  );
}
