// 疑似重复: the roster's probable duplicates (the same 身份证号 on two records, or the same 姓名 + 性别 +
// 出生年月 under two 人员编号), each group with 合并 and 不是同一人. Shown as a button in the roster's
// header that counts the groups; nothing to show, nothing to click.
import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Drawer, Empty, Flex, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { DuplicateGroupDto } from '@shared/api/people';
import type { PersonDto } from '@shared/domain/records';
import { useAction, useQuery } from '../../hooks/useApi';
import { MergeDialog } from './MergeDialog';
import { useDomainLabels, useT } from '../../i18n/language';

interface Props {
  canWrite: boolean;
  /** bumps when the roster changed (an import, an edit): the count is read again */
  version: number;
  onChanged(): void;
}

export function DuplicatesButton({ canWrite, version, onChanged }: Props) {
  const t = useT();
  const dups = useQuery('people.duplicates', {});
  const { reload } = dups;
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  const [open, setOpen] = useState(false);
  const groups = dups.data?.groups ?? [];
  if (!groups.length && !open) return null;
  return (
    <>
      <Badge count={groups.length} size="small">
        <Button danger onClick={() => setOpen(true)}>
          {t('dup.button')}
        </Button>
      </Badge>
      <Drawer title={t('dup.title')} open={open} onClose={() => setOpen(false)} width={860} destroyOnHidden>
        <Typography.Paragraph type="secondary">{t('dup.intro')}</Typography.Paragraph>
        {groups.length === 0 ? <Empty description={t('dup.none')} /> : null}
        <Flex vertical gap={16}>
          {groups.map((g) => (
            <GroupCard
              key={`${g.kind}:${g.people.map((p) => p.id).join(',')}`}
              group={g}
              canWrite={canWrite}
              onChanged={() => {
                dups.reload();
                onChanged();
              }}
            />
          ))}
        </Flex>
      </Drawer>
    </>
  );
}

function GroupCard({ group, canWrite, onChanged }: { group: DuplicateGroupDto; canWrite: boolean; onChanged(): void }) {
  const t = useT();
  const labels = useDomainLabels();
  const [merge, setMerge] = useState<[PersonDto, PersonDto] | null>(null);
  const [distinct, setDistinct] = useState<[PersonDto, PersonDto] | null>(null);
  const pairs: [PersonDto, PersonDto][] = [];
  for (let i = 0; i < group.people.length; i++)
    for (let j = i + 1; j < group.people.length; j++) pairs.push([group.people[i]!, group.people[j]!]);
  return (
    <div style={{ border: '1px solid #f0f0f0', borderRadius: 4, padding: 12 }} data-testid="duplicate-group">
      <Space style={{ marginBottom: 8 }}>
        <Tag color={group.kind === 'idCard' ? 'red' : 'orange'}>
          {t(group.kind === 'idCard' ? 'dup.kind.idCard' : 'dup.kind.identity')}
        </Tag>
        <Typography.Text strong>{group.label}</Typography.Text>
      </Space>
      <Table<PersonDto>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={group.people}
        columns={[
          { title: t('roster.col.personNo'), dataIndex: 'personNo', width: 100 },
          { title: t('roster.col.name'), dataIndex: 'name', width: 80 },
          { title: t('roster.col.department'), dataIndex: 'unitName' },
          {
            title: t('roster.col.category'),
            dataIndex: 'category',
            width: 70,
            render: (c: PersonDto['category']) => labels.categoryShort[c],
          },
          {
            title: t('roster.col.idCard'),
            dataIndex: 'idCardMasked',
            width: 170,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('roster.col.status'),
            dataIndex: 'status',
            width: 70,
            render: (s: string) => t(s === 'left' ? 'roster.status.left' : 'roster.status.active'),
          },
        ]}
      />
      {canWrite ? (
        <Flex gap={8} wrap style={{ marginTop: 8 }}>
          {pairs.map(([a, b]) => (
            <Space key={`${a.id}-${b.id}`} size={4}>
              <Typography.Text type="secondary">{t('dup.pair', { a: a.personNo, b: b.personNo })}</Typography.Text>
              <Button size="small" type="primary" onClick={() => setMerge([a, b])}>
                {t('dup.merge')}
              </Button>
              {group.kind === 'identity' ? (
                <Button size="small" onClick={() => setDistinct([a, b])}>
                  {t('dup.distinct')}
                </Button>
              ) : null}
            </Space>
          ))}
        </Flex>
      ) : null}
      {merge ? (
        <MergeDialog
          people={merge}
          onClose={() => setMerge(null)}
          onMerged={() => {
            setMerge(null);
            onChanged();
          }}
        />
      ) : null}
      {distinct ? (
        <DistinctDialog
          people={distinct}
          onClose={() => setDistinct(null)}
          onDone={() => {
            setDistinct(null);
            onChanged();
          }}
        />
      ) : null}
    </div>
  );
}

function DistinctDialog({
  people,
  onClose,
  onDone,
}: {
  people: [PersonDto, PersonDto];
  onClose(): void;
  onDone(): void;
}) {
  const t = useT();
  const act = useAction();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const ok = async () => {
    setBusy(true);
    const r = await act(
      'people.markDistinct',
      { personIds: [people[0].id, people[1].id], reason: reason.trim() },
      t('dup.distinctDone'),
    );
    setBusy(false);
    if (r) onDone();
  };
  return (
    <Modal
      open
      title={t('dup.distinctTitle')}
      onCancel={onClose}
      onOk={ok}
      okText={t('dup.distinctOk')}
      okButtonProps={{ disabled: !reason.trim(), loading: busy }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message={t('dup.distinctNote', {
          a: t('dup.person', { name: people[0].name, personNo: people[0].personNo, unit: people[0].unitName }),
          b: t('dup.person', { name: people[1].name, personNo: people[1].personNo, unit: people[1].unitName }),
        })}
      />
      <Input.TextArea
        aria-label={t('dup.reason')}
        placeholder={t('dup.reasonPlaceholder')}
        maxLength={200}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
    </Modal>
  );
}
