// New operator / edit operator: role and, for raters and restricted clerks, the departments granted.
import { Form, Input, Modal, Select, TreeSelect } from 'antd';
import type { OperatorInfoDto } from '@shared/api/trust';
import { useQuery } from '../../hooks/useApi';
import { useDomainLabels, useT } from '../../i18n/language';

export const ASSIGNABLE_ROLES = ['admin', 'security', 'clerk', 'rater', 'auditor'] as const;
type Role = (typeof ASSIGNABLE_ROLES)[number];

export interface OperatorFormValues {
  username: string;
  displayName: string;
  role: Role;
  unitScope: string[];
  password?: string;
}

interface UnitRow {
  id: string;
  name: string;
  parentId: string | null;
}

interface UnitNode {
  value: string;
  title: string;
  children: UnitNode[];
}

function unitTree(rows: UnitRow[], parentId: string | null = null): UnitNode[] {
  return rows
    .filter((r) => r.parentId === parentId)
    .map((r) => ({ value: r.id, title: r.name, children: unitTree(rows, r.id) }));
}

export function OperatorForm({
  open,
  editing,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  editing: OperatorInfoDto | null;
  onCancel: () => void;
  onSubmit: (v: OperatorFormValues) => Promise<boolean>;
}) {
  const [form] = Form.useForm<OperatorFormValues>();
  const units = useQuery('operators.units', open ? {} : null);
  const role = Form.useWatch('role', form);
  const t = useT();
  const domain = useDomainLabels();
  return (
    <Modal
      title={editing ? t('opf.editTitle', { name: editing.displayName }) : t('opf.newTitle')}
      open={open}
      onCancel={onCancel}
      destroyOnHidden
      okText={t('opf.save')}
      onOk={async () => {
        const v = await form.validateFields();
        if (await onSubmit(v)) form.resetFields();
      }}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          editing
            ? {
                username: editing.username,
                displayName: editing.displayName,
                role: editing.role,
                unitScope: editing.unitScope,
              }
            : { role: 'clerk', unitScope: [] }
        }
      >
        <Form.Item
          label={t('opf.username')}
          name="username"
          rules={[
            { required: true, message: t('opf.usernameRequired') },
            { pattern: /^[A-Za-z0-9_.\-\u4e00-\u9fa5]{2,32}$/, message: t('opf.usernameRule') },
          ]}
        >
          <Input disabled={!!editing} maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('opf.displayName')}
          name="displayName"
          rules={[{ required: true, message: t('opf.displayNameRequired') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item label={t('opf.role')} name="role" rules={[{ required: true }]}>
          <Select options={ASSIGNABLE_ROLES.map((r) => ({ value: r, label: domain.role[r] }))} />
        </Form.Item>
        {role === 'rater' || role === 'clerk' ? (
          <Form.Item
            label={role === 'rater' ? t('opf.raterUnits') : t('opf.clerkUnits')}
            name="unitScope"
            rules={
              role === 'rater' ? [{ required: true, type: 'array', min: 1, message: t('opf.raterUnitsRequired') }] : []
            }
          >
            <TreeSelect
              treeData={unitTree(units.data?.rows ?? [])}
              multiple
              treeDefaultExpandAll
              allowClear
              placeholder={t('opf.chooseUnits')}
              loading={units.loading}
            />
          </Form.Item>
        ) : null}
        {!editing ? (
          <Form.Item
            label={t('opf.password')}
            name="password"
            extra={t('opf.passwordHint')}
            rules={[
              { required: true, message: t('opf.passwordRequired') },
              { min: 8, message: t('opf.min8') },
            ]}
          >
            <Input.Password maxLength={128} autoComplete="new-password" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
