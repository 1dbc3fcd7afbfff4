// 预览: choose a sheet and a person (forms, quarterly records) or a department (tables), see it as
// it prints, edit the person's summary draft, and print one person's form on its own.
import { useCallback, useState } from 'react';
import { Alert, Button, Card, Flex, Segmented, Select, Spin } from 'antd';
import type { OutputOf } from '@shared/api';
import type { SheetModel } from '@shared/sheets/model';
import type { PackSheetKind } from '@shared/sheets/pack-sheets';
import { useQuery } from '../../hooks/useApi';
import { SheetPreview } from '../../components/sheet/SheetPreview';
import { PrintSheet } from '../../components/sheet/PrintSheet';
import { SummaryEditor } from './SummaryEditor';
import { FormOptionsDialog } from './FormOptionsDialog';
import { useT } from '../../i18n/language';

type Options = OutputOf<'pack.options'>;
const PER_PERSON: PackSheetKind[] = ['forms', 'records'];
/** a whole unit's table can run to hundreds of pages: the screen shows the first ones */
const PREVIEW_PAGES = 20;

export function PreviewPanel({ yearId, options }: { yearId: string; options: Options }) {
  // a decided year prints from the copy kept at finalisation: its summaries and form options are locked
  const t = useT();
  const decided = options.year.stage === 'final' || options.year.stage === 'archived';
  const [sheet, setSheet] = useState<PackSheetKind>('forms');
  const [personId, setPersonId] = useState<string | null>(options.persons[0]?.id ?? null);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [printing, setPrinting] = useState<SheetModel[] | null>(null);
  const [zoom, setZoom] = useState(0.6);
  const [formDialog, setFormDialog] = useState(false);
  const perPerson = PER_PERSON.includes(sheet);
  const q = useQuery(
    'pack.preview',
    perPerson ? (personId ? { yearId, sheet, personId } : null) : { yearId, sheet, departmentId },
  );
  const done = useCallback(() => setPrinting(null), []);
  const person = options.persons.find((p) => p.id === personId);

  return (
    <Card size="small" title={t('pack.preview')}>
      {/* the controls in the body, not the card's header: there they squeezed the title out of sight */}
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('pack.sheets')}
          style={{ width: 170 }}
          value={sheet}
          onChange={setSheet}
          options={options.sheets.map((s) => ({ value: s.kind, label: s.label }))}
        />
        {perPerson ? (
          <Select
            aria-label={t('pack.person')}
            showSearch
            style={{ width: 220 }}
            value={personId ?? undefined}
            onChange={setPersonId}
            optionFilterProp="label"
            options={options.persons.map((p) => ({
              value: p.id,
              label: t('pack.personOption', { name: p.name, dept: p.departmentName }),
            }))}
          />
        ) : (
          <Select
            aria-label={t('pack.departmentLabel')}
            style={{ width: 200 }}
            value={departmentId ?? ''}
            onChange={(v) => setDepartmentId(v || null)}
            options={[
              { value: '', label: t('pack.wholeUnit') },
              ...options.departments.map((d) => ({ value: d.id, label: d.name })),
            ]}
          />
        )}
        <Segmented
          aria-label={t('pack.zoom')}
          value={zoom}
          onChange={(v) => setZoom(v)}
          options={[
            { value: 0.6, label: '60%' },
            { value: 0.8, label: '80%' },
            { value: 1, label: '100%' },
          ]}
        />
        {sheet === 'forms' && <Button onClick={() => setFormDialog(true)}>{t('pack.formSettings')}</Button>}
        {sheet === 'forms' && (
          <Button type="primary" disabled={!q.data} onClick={() => q.data && setPrinting(q.data.models)}>
            {t('pack.printForm')}
          </Button>
        )}
      </Flex>
      {q.error && <Alert type="error" showIcon message={q.error.message} />}
      <Flex gap={12} align="start">
        <div style={{ flex: 1, minWidth: 0, maxHeight: 'calc(100vh - 220px)', overflow: 'auto' }}>
          {q.loading && !q.data ? (
            <Spin />
          ) : (
            q.data?.models.map((m, i) => (
              <SheetPreview key={`${m.name}-${i}`} model={m} zoom={zoom} maxPages={PREVIEW_PAGES} />
            ))
          )}
        </div>
        {sheet === 'forms' && personId && (
          <div style={{ width: 340, flex: 'none' }} aria-label={t('pack.summaryOf', { name: person?.name ?? '' })}>
            <SummaryEditor key={personId} yearId={yearId} personId={personId} locked={decided} onSaved={q.reload} />
            <SummaryEditor
              key={`${personId}-comment`}
              box="comment"
              yearId={yearId}
              personId={personId}
              locked={decided}
              onSaved={q.reload}
            />
          </div>
        )}
      </Flex>
      <PrintSheet models={printing} onDone={done} />
      <FormOptionsDialog
        yearId={yearId}
        locked={decided}
        open={formDialog}
        onClose={(saved) => {
          setFormDialog(false);
          if (saved) q.reload();
        }}
      />
    </Card>
  );
}
