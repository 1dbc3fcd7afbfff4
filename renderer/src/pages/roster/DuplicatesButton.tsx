// 疑似重复: the roster's probable duplicates (the same 身份证号 on two records, or the same 姓名 + 性别 +
// 出生年月 under two 人员编号), each group with 合并 and 不是同一人. Shown as a button in the roster's
// header that counts the groups; nothing to show, nothing to click.
import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Drawer, Empty, Flex, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { DuplicateGroupDto } from '@shared/api/people';
import type { PersonDto } from '@shared/domain/records';
import { CATEGORY_LABEL } from '@shared/domain/labels';
import { useAction, useQuery } from '../../hooks/useApi';
import { MergeDialog } from './MergeDialog';

interface Props {
  canWrite: boolean;
  /** bumps when the roster changed (an import, an edit): the count is read again */
  version: number;
  onChanged(): void;
}

export function DuplicatesButton({ canWrite, version, onChanged }: Props) {
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
          疑似重复
        </Button>
      </Badge>
      <Drawer title="疑似重复人员" open={open} onClose={() => setOpen(false)} width={860} destroyOnHidden>
        <Typography.Paragraph type="secondary">
          同一身份证号登记了两条记录，或姓名、性别、出生年月相同而人员编号不同。请核对：是同一人的，合并为一条（合并前自动备份，可从备份恢复）；确实是两个人的，确认“不是同一人”后不再提示。
        </Typography.Paragraph>
        {groups.length === 0 ? <Empty description="没有疑似重复的人员" /> : null}
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
  const [merge, setMerge] = useState<[PersonDto, PersonDto] | null>(null);
  const [distinct, setDistinct] = useState<[PersonDto, PersonDto] | null>(null);
  const pairs: [PersonDto, PersonDto][] = [];
  for (let i = 0; i < group.people.length; i++)
    for (let j = i + 1; j < group.people.length; j++) pairs.push([group.people[i]!, group.people[j]!]);
  return (
    <div style={{ border: '1px solid #f0f0f0', borderRadius: 4, padding: 12 }} data-testid="duplicate-group">
      <Space style={{ marginBottom: 8 }}>
        <Tag color={group.kind === 'idCard' ? 'red' : 'orange'}>
          {group.kind === 'idCard' ? '身份证号相同' : '姓名、性别、出生年月相同'}
        </Tag>
        <Typography.Text strong>{group.label}</Typography.Text>
      </Space>
      <Table<PersonDto>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={group.people}
        columns={[
          { title: '人员编号', dataIndex: 'personNo', width: 100 },
          { title: '姓名', dataIndex: 'name', width: 80 },
          { title: '部门', dataIndex: 'unitName' },
          { title: '类别', dataIndex: 'category', width: 70, render: (c: PersonDto['category']) => CATEGORY_LABEL[c] },
          { title: '身份证号', dataIndex: 'idCardMasked', width: 170, render: (v: string | null) => v ?? '—' },
          { title: '状态', dataIndex: 'status', width: 70, render: (s: string) => (s === 'left' ? '已离开' : '在职') },
        ]}
      />
      {canWrite ? (
        <Flex gap={8} wrap style={{ marginTop: 8 }}>
          {pairs.map(([a, b]) => (
            <Space key={`${a.id}-${b.id}`} size={4}>
              <Typography.Text type="secondary">
                {a.personNo} 与 {b.personNo}：
              </Typography.Text>
              <Button size="small" type="primary" onClick={() => setMerge([a, b])}>
                合并…
              </Button>
              {group.kind === 'identity' ? (
                <Button size="small" onClick={() => setDistinct([a, b])}>
                  不是同一人…
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
  const act = useAction();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const ok = async () => {
    setBusy(true);
    const r = await act(
      'people.markDistinct',
      { personIds: [people[0].id, people[1].id], reason: reason.trim() },
      '已确认不是同一人',
    );
    setBusy(false);
    if (r) onDone();
  };
  return (
    <Modal
      open
      title="确认不是同一人"
      onCancel={onClose}
      onOk={ok}
      okText="确认"
      okButtonProps={{ disabled: !reason.trim(), loading: busy }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message={`${people[0].name}（${people[0].personNo}，${people[0].unitName}）与 ${people[1].name}（${people[1].personNo}，${people[1].unitName}）是两个人，以后不再提示。`}
      />
      <Input.TextArea
        aria-label="理由"
        placeholder="理由（例如：出生日期不同，已核对档案）"
        maxLength={200}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
    </Modal>
  );
}
