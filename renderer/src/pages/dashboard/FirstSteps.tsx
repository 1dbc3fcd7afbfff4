// The empty store's dashboard: the office's first steps in order — 单位 → 部门 → 人员（或导入）→ 年度 →
// 经办人账号 — each ticked from what the store holds, the first one not done marked and linked to the
// page where it is done. The last step is the security administrator's: only a 考核办经办人 may rate,
// record events and decide, so the year cannot be run until that account exists.
import { Button, Card, Steps, Typography } from 'antd';
import { useQuery } from '../../hooks/useApi';
import { usePermissions } from '../../components/auth/usePermissions';

interface Step {
  title: string;
  done: boolean;
  how: string;
  href?: string;
  go?: string;
}

export function FirstSteps() {
  const { can } = usePermissions();
  const tree = useQuery('units.tree', {});
  const people = useQuery('roster.list', { status: 'all' });
  const units = tree.data?.units ?? [];
  const hasAgency = units.some((u) => u.kind === 'agency');
  const hasDept = units.some((u) => u.kind === 'department');
  const hasPeople = (people.data?.total ?? 0) > 0;
  const steps: Step[] = [
    {
      title: '建立单位',
      done: hasAgency,
      how: '在“人员名册”的“单位与部门”中新增本机关（考核的单位）。',
      href: '#/roster',
      go: '前往人员名册',
    },
    {
      title: '建立部门',
      done: hasDept,
      how: '在本单位下新增各科室、部门（平时考核按部门录入和控制“好”等次比例）。',
      href: '#/roster',
      go: '前往人员名册',
    },
    {
      title: '录入人员或从表格导入',
      done: hasPeople,
      how: '逐个新增，或下载人员名册模板填好后“从表格导入”。',
      href: '#/roster',
      go: '前往人员名册',
    },
    {
      title: '建立考核年度',
      done: false,
      how: '在“年度设置”中选择单位和年度，确定平时考核期间（按季度、按月或按半年）。',
      href: can('year.write') ? '#/settings' : undefined,
      go: '前往年度设置',
    },
    {
      title: '建立考核办经办人账号',
      done: false,
      how: '请安全管理员在“系统管理 → 操作员”中新建“考核办经办人”账号：平时考核、事件记录和年终决定由经办人完成，系统管理员只管名册、年度设置与备份。',
    },
  ];
  const current = steps.findIndex((s) => !s.done);
  return (
    <Card title="开始使用：请按以下顺序完成" data-testid="first-steps">
      <Steps
        direction="vertical"
        size="small"
        current={current}
        items={steps.map((s, i) => ({
          title: i === current ? `${s.title}（下一步）` : s.title,
          status: s.done ? 'finish' : i === current ? 'process' : 'wait',
          description: (
            <>
              <Typography.Text type={i === current ? undefined : 'secondary'}>{s.how}</Typography.Text>
              {i === current && s.href ? (
                <div style={{ marginTop: 8 }}>
                  <Button type="primary" size="small" href={s.href}>
                    {s.go}
                  </Button>
                </div>
              ) : null}
            </>
          ),
        }))}
      />
    </Card>
  );
}
