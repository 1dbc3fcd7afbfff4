// The left panel: agency → departments with head counts; selecting one filters the table. Units are
// added and renamed here (rarely: a clerk sets them up once a year).
import { useMemo, useState } from 'react';
import { Button, Card, Empty, Flex, Form, Input, Modal, Tree, Typography } from 'antd';
import type { UnitNodeDto } from '@shared/api/roster';
import { ApiError, call } from '../../api/client';
import { totalsBelow } from './unit-options';
import { useT } from '../../i18n/language';

interface Props {
  units: UnitNodeDto[];
  selected: string | null;
  onSelect(id: string | null): void;
  onChanged(): void;
  canWrite: boolean;
}

interface TreeItem {
  key: string;
  title: string;
  children: TreeItem[];
}

export function UnitTree({ units, selected, onSelect, onChanged, canWrite }: Props) {
  const t = useT();
  const [dialog, setDialog] = useState<null | { mode: 'create' | 'rename'; unit: UnitNodeDto | null }>(null);
  const data = useMemo(() => {
    const totals = totalsBelow(units);
    const byId = new Map<string, TreeItem>();
    const roots: TreeItem[] = [];
    for (const u of units) {
      const item: TreeItem = {
        key: u.id,
        title: t('unit.node', { name: u.name, n: totals.get(u.id) ?? 0 }),
        children: [],
      };
      byId.set(u.id, item);
      const parent = u.parentId ? byId.get(u.parentId) : undefined;
      if (parent) parent.children.push(item);
      else roots.push(item);
    }
    return roots;
  }, [units, t]);
  const selectedUnit = units.find((u) => u.id === selected) ?? null;
  const [dragging, setDragging] = useState<string | null>(null);
  const [reorderError, setReorderError] = useState<string | null>(null);
  const parentOf = useMemo(() => new Map(units.map((u) => [u.id, u.parentId])), [units]);
  const reorder = async (dragId: string, targetId: string, after: boolean) => {
    setDragging(null);
    const parentId = parentOf.get(dragId) ?? null;
    if (parentId !== (parentOf.get(targetId) ?? null) || dragId === targetId) return;
    const siblings = units
      .filter((u) => u.parentId === parentId)
      .map((u) => u.id)
      .filter((id) => id !== dragId);
    const at = siblings.indexOf(targetId) + (after ? 1 : 0);
    siblings.splice(at, 0, dragId);
    try {
      await call('units.reorder', { parentId, orderedIds: siblings });
      setReorderError(null);
    } catch (e) {
      setReorderError(e instanceof ApiError ? e.message : String(e));
    }
    onChanged();
  };
  // A new department goes under the selected agency, beside the selected department, or under the
  // first agency; with no agency yet, the first unit created is the agency itself.
  const createParent =
    (selectedUnit?.kind === 'agency' ? selectedUnit : units.find((u) => u.id === selectedUnit?.parentId)) ??
    units.find((u) => u.kind === 'agency') ??
    null;

  return (
    <Card
      size="small"
      title={t('unit.title')}
      style={{ width: 236, flex: 'none', display: 'flex', flexDirection: 'column', minHeight: 0 }}
      styles={{ body: { overflow: 'auto', flex: 1, padding: 8 } }}
      extra={
        canWrite ? (
          <Flex gap={4}>
            <Button size="small" type="link" onClick={() => setDialog({ mode: 'create', unit: createParent })}>
              {t('unit.add')}
            </Button>
            <Button
              size="small"
              type="link"
              disabled={!selectedUnit}
              onClick={() => setDialog({ mode: 'rename', unit: selectedUnit })}
            >
              {t('unit.rename')}
            </Button>
          </Flex>
        ) : null
      }
    >
      {reorderError ? <Typography.Text type="danger">{reorderError}</Typography.Text> : null}
      {units.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('unit.none')} />
      ) : (
        <>
          <Typography.Link
            strong={selected === null}
            onClick={() => onSelect(null)}
            style={{ display: 'block', padding: '2px 8px 6px', color: selected === null ? undefined : 'inherit' }}
          >
            {t('unit.everyone')}
          </Typography.Link>
          <Tree
            blockNode
            // a district office's tree of many agencies opens on the first agency only
            defaultExpandedKeys={
              units.length <= 60
                ? units.map((u) => u.id)
                : units
                    .filter((u) => u.depth === 0)
                    .slice(0, 1)
                    .map((u) => u.id)
            }
            treeData={data}
            selectedKeys={selected ? [selected] : []}
            onSelect={(keys) => onSelect(keys.length ? String(keys[0]) : null)}
            draggable={canWrite ? { icon: false } : false}
            // departments are reordered among their siblings only; moving one under another parent is not a reorder
            allowDrop={({ dropNode, dropPosition }) =>
              dropPosition !== 0 && parentOf.get(String(dropNode.key)) === parentOf.get(dragging ?? '')
            }
            onDragStart={({ node }) => setDragging(String(node.key))}
            onDragEnd={() => setDragging(null)}
            onDrop={(info) =>
              void reorder(
                String(info.dragNode.key),
                String(info.node.key),
                info.dropPosition > Number(String(info.node.pos).split('-').at(-1)),
              )
            }
          />
        </>
      )}
      {dialog ? (
        <UnitDialog mode={dialog.mode} unit={dialog.unit} onClose={() => setDialog(null)} onDone={onChanged} />
      ) : null}
    </Card>
  );
}

function UnitDialog({
  mode,
  unit,
  onClose,
  onDone,
}: {
  mode: 'create' | 'rename';
  unit: UnitNodeDto | null;
  onClose(): void;
  onDone(): void;
}) {
  const [form] = Form.useForm<{ name: string; code?: string }>();
  const t = useT();
  const [busy, setBusy] = useState(false);
  const parent = mode === 'create' ? unit : null;
  const parentName = parent?.name ?? null;
  const title =
    mode === 'rename'
      ? t('unit.renameTitle', { name: unit?.name ?? '' })
      : parentName
        ? t('unit.addUnder', { name: parentName })
        : t('unit.addAgency');
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      if (mode === 'rename' && unit) await call('units.rename', { id: unit.id, name: v.name, code: v.code ?? null });
      else await call('units.create', { parentId: parent?.id ?? null, name: v.name, code: v.code ?? null });
      onDone();
      onClose();
    } catch (e) {
      form.setFields([{ name: 'name', errors: [e instanceof ApiError ? e.message : String(e)] }]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={busy}
      okText={t('unit.save')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: mode === 'rename' ? unit?.name : '', code: mode === 'rename' ? (unit?.code ?? '') : '' }}
      >
        <Form.Item
          name="name"
          label={t('unit.name')}
          rules={[
            { required: true, whitespace: true, message: t('unit.nameRequired') },
            { max: 100, message: t('unit.nameTooLong') },
          ]}
        >
          <Input autoFocus placeholder={parentName ? t('unit.deptExample') : t('unit.agencyExample')} />
        </Form.Item>
        <Form.Item name="code" label={t('unit.code')} rules={[{ max: 40, message: t('unit.codeTooLong') }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
