// New operator / edit operator: role and, for raters and restricted clerks, the departments granted.
import { Form, Input, Modal, Select, TreeSelect } from 'antd';
import type { OperatorInfoDto } from '@shared/api/trust';
import { ROLE_LABELS } from '@shared/auth/permissions';
import { useQuery } from '../../hooks/useApi';

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
  return (
    <Modal
      title={editing ? `修改操作员：${editing.displayName}` : '新建操作员'}
      open={open}
      onCancel={onCancel}
      destroyOnHidden
      okText="保存"
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
          label="用户名"
          name="username"
          rules={[
            { required: true, message: '请输入用户名' },
            { pattern: /^[A-Za-z0-9_.\-\u4e00-\u9fa5]{2,32}$/, message: '2–32 位字母、数字、汉字或 _ . -' },
          ]}
        >
          <Input disabled={!!editing} maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '请输入姓名' }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[{ required: true }]}>
          <Select options={ASSIGNABLE_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        </Form.Item>
        {role === 'rater' || role === 'clerk' ? (
          <Form.Item
            label={role === 'rater' ? '负责的部门' : '授权的单位（不选 = 全部）'}
            name="unitScope"
            rules={
              role === 'rater' ? [{ required: true, type: 'array', min: 1, message: '部门评价人至少选择一个部门' }] : []
            }
          >
            <TreeSelect
              treeData={unitTree(units.data?.rows ?? [])}
              multiple
              treeDefaultExpandAll
              allowClear
              placeholder="选择部门"
              loading={units.loading}
            />
          </Form.Item>
        ) : null}
        {!editing ? (
          <Form.Item
            label="初始密码"
            name="password"
            extra="首次登录时须修改。至少 8 位，含大小写字母、数字、符号中的三类。"
            rules={[
              { required: true, message: '请输入初始密码' },
              { min: 8, message: '至少 8 位' },
            ]}
          >
            <Input.Password maxLength={128} autoComplete="new-password" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
