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
import { useT } from '../../i18n/language';

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
  const t = useT();
  const [name, setName] = useState('');
  return (
    // on its own line under the step's text (an inline box sat beside a longer English text)
    <Space.Compact style={{ display: 'flex', width: 480, marginTop: 8 }}>
      <Input
        aria-label={t('wizard.agencyName')}
        placeholder={t('wizard.agencyPlaceholder')}
        value={name}
        maxLength={100}
        onChange={(e) => setName(e.target.value)}
      />
      <Button
        type="primary"
        disabled={!name.trim()}
        data-testid="wizard-agency"
        onClick={async () => {
          if (await act('units.create', { parentId: null, name: name.trim(), code: null }, t('wizard.agencyCreated')))
            onDone();
        }}
      >
        {t('wizard.createAgency')}
      </Button>
    </Space.Compact>
  );
}

function DepartmentsForm({ onDone }: { onDone: () => void }) {
  const act = useAction();
  const t = useT();
  const tree = useQuery('units.tree', {});
  const agency = tree.data?.units.find((u) => u.kind === 'agency');
  const [text, setText] = useState('');
  const names = [...new Set(text.split(/[\n，,、]/).map((s) => s.trim()))].filter(Boolean);
  return (
    <div style={{ marginTop: 8, maxWidth: 420 }}>
      <Input.TextArea
        aria-label={t('wizard.departmentNames')}
        rows={3}
        placeholder={t('wizard.departmentsPlaceholder')}
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
        {names.length ? t('wizard.createDepartments', { n: names.length }) : t('wizard.createDepartment')}
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
  const t = useT();
  if (can('operators.manage'))
    return (
      <Button type="primary" size="small" href="#/system" style={{ marginTop: 8 }}>
        {t('wizard.toOperators')}
      </Button>
    );
  return (
    <div style={{ marginTop: 8 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('wizard.adminCannot')}
      </Typography.Paragraph>
      <Button type="primary" size="small" data-testid="wizard-handover" onClick={() => void auth?.logout()}>
        {t('wizard.handover')}
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
  const t = useT();
  const steps: Step[] = [
    {
      title: t('wizard.agency.title'),
      done: (p?.agencies ?? 0) > 0,
      how: t('wizard.agency.how'),
      href: '#/roster',
      go: t('wizard.toRoster'),
      form: writes ? <AgencyForm onDone={reload} /> : undefined,
    },
    {
      title: t('wizard.departments.title'),
      done: (p?.departments ?? 0) > 0,
      how: t('wizard.departments.how'),
      href: '#/roster',
      go: t('wizard.toRoster'),
      form: writes ? <DepartmentsForm onDone={reload} /> : undefined,
    },
    {
      title: t('wizard.people.title'),
      done: (p?.people ?? 0) > 0,
      how: t('wizard.people.how'),
      href: '#/roster',
      go: t('wizard.toRoster'),
      form: writes ? <PeopleStep onDone={reload} /> : undefined,
    },
    {
      title: t('wizard.year.title'),
      done: (p?.years ?? 0) > 0,
      how: t('wizard.year.how'),
      href: can('year.write') ? '#/settings' : undefined,
      go: t('wizard.toSettings'),
      form: can('year.write') ? (
        <div style={{ marginTop: 8 }}>
          <CreateYearCard onCreated={reload} />
        </div>
      ) : undefined,
    },
    {
      title: t('wizard.clerk.title'),
      done: (p?.clerks ?? 0) > 0,
      how: t('wizard.clerk.how'),
      form: <ClerkStep />,
    },
  ];
  const current = steps.findIndex((s) => !s.done);
  if (!p) return null;
  return (
    <Card title={t('wizard.title')} data-testid="first-steps" style={{ marginBottom: 16 }}>
      {current === -1 ? <Alert type="success" showIcon message={t('wizard.done')} /> : null}
      <Steps
        direction="vertical"
        size="small"
        current={current}
        items={steps.map((s, i) => ({
          title: i === current ? t('wizard.next', { title: s.title }) : s.title,
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
