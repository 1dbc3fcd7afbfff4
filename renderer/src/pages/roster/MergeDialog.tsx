// 合并人员记录: pick the record to keep, see what moves over and what blocks the merge, choose whose
// rating (or history grade) stays where the two differ, give a reason. The store is backed up first;
// the message names the backup, from which 系统管理 → 备份 restores the two records.
import { useState } from 'react';
import { Alert, App, Descriptions, Input, Modal, Radio, Space, Table, Typography } from 'antd';
import type { MergeChoice, MergeConflictDto } from '@shared/api/people';
import type { PersonDto } from '@shared/domain/records';
import { call } from '../../api/client';
import { toApiError, useQuery } from '../../hooks/useApi';

interface Props {
  people: [PersonDto, PersonDto];
  onClose(): void;
  onMerged(): void;
}

const who = (p: PersonDto) => `${p.name}（${p.personNo}，${p.unitName}${p.status === 'left' ? '，已离开' : ''}）`;

export function MergeDialog({ people, onClose, onMerged }: Props) {
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
        content: `已合并。合并前的数据已备份为 ${r.backup}，如需撤销可从该备份恢复。`,
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
      title="合并人员记录"
      onCancel={onClose}
      onOk={ok}
      okText="备份并合并"
      okButtonProps={{ disabled: !can, loading: busy, danger: true }}
    >
      <Typography.Paragraph>
        保留哪一条记录？另一条的平时考核、事件、往年等次、年度考核结果等将转入保留的记录，然后删除。
      </Typography.Paragraph>
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
              保留 {who(x)}
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
            title={`转入 ${who(p.kept)} 的记录`}
            style={{ marginBottom: 12 }}
          >
            <Descriptions.Item label="平时考核">{p.moving.ratings}</Descriptions.Item>
            <Descriptions.Item label="事件">{p.moving.evidence}</Descriptions.Item>
            <Descriptions.Item label="往年等次">{p.moving.history}</Descriptions.Item>
            <Descriptions.Item label="年度考核结果">{p.moving.decisions}</Descriptions.Item>
            <Descriptions.Item label="调动记录">{p.moving.moves}</Descriptions.Item>
            <Descriptions.Item label="其他">{p.moving.other}</Descriptions.Item>
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
        aria-label="合并原因"
        placeholder="合并原因（例如：同一人调入时以新编号重复登记）"
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
  return (
    <>
      <Typography.Text strong>两条记录不一致之处，请逐项选择保留哪一方：</Typography.Text>
      <Table<MergeConflictDto>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={conflicts}
        columns={[
          { title: '项目', dataIndex: 'subject', width: 150 },
          {
            title: '保留',
            render: (_: unknown, c) => (
              <Radio.Group
                value={choices[c.key]}
                onChange={(e) => onChoose(c.key, e.target.value as MergeChoice['keep'])}
              >
                <Space direction="vertical">
                  <Radio value="kept">保留的记录：{c.kept}</Radio>
                  <Radio value="absorbed">并入的记录：{c.absorbed}</Radio>
                </Space>
              </Radio.Group>
            ),
          },
        ]}
      />
    </>
  );
}
