// First run as a wizard: 单位 → 部门 → 人员（或导入）→ 年度 → 经办人账号, each step ticked from what
// the store holds (system.setupProgress) and the current one done right here, with a link to its page
// for more. It ends with an operator who can do the work: only a 考核办经办人 may rate, record events
// and decide, and only the security administrator may create that account (等保 separation of
// duties) — so the administrator's last step is to hand over to the security administrator.
import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Flex, Input, Space, Steps, Typography } from 'antd';
import { useAction, useQuery } from '../../hooks/useApi';
import { usePermissions } from '../../components/auth/usePermissions';
import { useAuth } from '../../components/auth/auth-context';
import { ImportButton } from '../../components/import/ImportButton';
import { TemplateButton } from '../../components/import/TemplateButton';
import { CreateYearCard } from '../settings/CreateYearCard';

interface Step {
  title: string;
  done: boolean;
  how: string;
  href?: string;
  go?: string;
  /** the step done in place (shown on the current step only) */
  form?: ReactNode;
}

function AgencyForm({ onDone }: { onDone: () => void }) {
  const act = useAction();
  const [name, setName] = useState('');
  return (
    <Space.Compact style={{ width: 420, marginTop: 8 }}>
      <Input
        aria-label="单位名称"
        placeholder="本机关全称，如：某市某区发展和改革委员会"
        value={name}
        maxLength={100}
        onChange={(e) => setName(e.target.value)}
      />
      <Button
        type="primary"
        disabled={!name.trim()}
        data-testid="wizard-agency"
        onClick={async () => {
          if (await act('units.create', { parentId: null, name: name.trim(), code: null }, '已建立单位')) onDone();
        }}
      >
        建立单位
      </Button>
    </Space.Compact>
  );
}

function DepartmentsForm({ onDone }: { onDone: () => void }) {
  const act = useAction();
  const tree = useQuery('units.tree', {});
  const agency = tree.data?.units.find((u) => u.kind === 'agency');
  const [text, setText] = useState('');
  const names = [...new Set(text.split(/[\n，,、]/).map((s) => s.trim()))].filter(Boolean);
  return (
    <div style={{ marginTop: 8, maxWidth: 420 }}>
      <Input.TextArea
        aria-label="部门名称"
        rows={3}
        placeholder={'每行一个部门，如：\n办公室\n综合规划科'}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <Button
        type="primary"
        style={{ marginTop: 8 }}
        disabled={!agency || !names.length}
        data-testid="wizard-departments"
        onClick={async () => {
          for (const name of names)
            if (!(await act('units.create', { parentId: agency!.id, name, code: null }))) return onDone();
          onDone();
        }}
      >
        建立 {names.length || ''} 个部门
      </Button>
    </div>
  );
}

function PeopleStep({ onDone }: { onDone: () => void }) {
  const tree = useQuery('units.tree', {});
  const agency = tree.data?.units.find((u) => u.kind === 'agency');
  return (
    <Flex gap={8} style={{ marginTop: 8 }} wrap>
      {agency ? <TemplateButton kind="roster" unitId={agency.id} /> : null}
      <ImportButton kind="roster" unitId={agency?.id} onApplied={onDone} />
    </Flex>
  );
}

/** The last step: who creates the 经办人 account depends on who is signed in. */
function ClerkStep() {
  const { can } = usePermissions();
  const auth = useAuth();
  if (can('operators.manage'))
    return (
      <Button type="primary" size="small" href="#/system" style={{ marginTop: 8 }}>
        前往“系统管理 → 操作员”新建
      </Button>
    );
  return (
    <div style={{ marginTop: 8 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        系统管理员不能创建账号（按等级保护要求，账号由安全管理员管理）。请退出，由安全管理员登录后新建“考核办经办人”账号；经办人首次登录修改密码后即可开始平时考核。
      </Typography.Paragraph>
      <Button type="primary" size="small" data-testid="wizard-handover" onClick={() => void auth?.logout()}>
        退出，由安全管理员登录
      </Button>
    </div>
  );
}

export function FirstSteps() {
  const { can } = usePermissions();
  const progress = useQuery('system.setupProgress', {});
  const p = progress.data;
  const reload = progress.reload;
  const writes = can('roster.write');
  const steps: Step[] = [
    {
      title: '建立单位',
      done: (p?.agencies ?? 0) > 0,
      how: '建立本机关（考核的单位）。也可在“人员名册”的“单位与部门”中新增。',
      href: '#/roster',
      go: '前往人员名册',
      form: writes ? <AgencyForm onDone={reload} /> : undefined,
    },
    {
      title: '建立部门',
      done: (p?.departments ?? 0) > 0,
      how: '在本单位下建立各科室、部门（平时考核按部门录入和控制“好”等次比例）。',
      href: '#/roster',
      go: '前往人员名册',
      form: writes ? <DepartmentsForm onDone={reload} /> : undefined,
    },
    {
      title: '录入人员或从表格导入',
      done: (p?.people ?? 0) > 0,
      how: '下载人员名册模板填好后“从表格导入”，或在“人员名册”中逐个新增。',
      href: '#/roster',
      go: '前往人员名册',
      form: writes ? <PeopleStep onDone={reload} /> : undefined,
    },
    {
      title: '建立考核年度',
      done: (p?.years ?? 0) > 0,
      how: '选择单位和年度，确定平时考核期间（按季度、按月或按半年）。',
      href: can('year.write') ? '#/settings' : undefined,
      go: '前往年度设置',
      form: can('year.write') ? (
        <div style={{ marginTop: 8 }}>
          <CreateYearCard onCreated={reload} />
        </div>
      ) : undefined,
    },
    {
      title: '建立考核办经办人账号',
      done: (p?.clerks ?? 0) > 0,
      how: '平时考核、事件记录和年终决定由“考核办经办人”完成；系统管理员只管名册、年度设置与备份，账号由安全管理员新建。',
      form: <ClerkStep />,
    },
  ];
  const current = steps.findIndex((s) => !s.done);
  if (!p) return null;
  return (
    <Card title="开始使用：请按以下顺序完成" data-testid="first-steps" style={{ marginBottom: 16 }}>
      {current === -1 ? (
        <Alert type="success" showIcon message="准备工作已完成：请由考核办经办人登录，开始平时考核。" />
      ) : null}
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
              {i === current ? s.form : null}
              {i === current && s.href ? (
                <div style={{ marginTop: 8 }}>
                  <Button size="small" href={s.href}>
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

/** Shown above a year's dashboard while the setup is not finished (e.g. no 经办人 account yet). */
export function useSetupDone(): boolean | null {
  const progress = useQuery('system.setupProgress', {});
  const p = progress.data;
  if (!p) return null;
  return p.agencies > 0 && p.departments > 0 && p.people > 0 && p.years > 0 && p.clerks > 0;
}
