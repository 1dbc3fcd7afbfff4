// Generates a department template (people pre-filled, drop-downs, locked headers, hidden meta) for
// a unit and, for ratings, a period; saved where the clerk chooses.
import { Button, App } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import type { ImportKind } from '@shared/import/columns';
import { call } from '../../api/client';
import { toApiError } from '../../hooks/useApi';
import { useJob } from './useJob';
import { IMPORT_WRITE_PERMISSION } from '@shared/auth/import-permissions';
import { usePermissions } from '../auth/usePermissions';
import { useT } from '../../i18n/language';

export interface TemplateButtonProps {
  kind: ImportKind;
  unitId?: string;
  periodId?: string;
  /** used in the suggested file name, e.g. the department and period */
  nameHint?: string;
}

/** A template is of use only to someone who may import it back: offered to them alone. */
export function TemplateButton(props: TemplateButtonProps) {
  return usePermissions().can(IMPORT_WRITE_PERMISSION[props.kind]) ? <TemplateDownload {...props} /> : null;
}

function TemplateDownload({ kind, unitId, periodId, nameHint }: TemplateButtonProps) {
  const { message } = App.useApp();
  const { job, follow } = useJob();
  const t = useT();
  const label = t(`import.kind.${kind}`);
  const run = async () => {
    if (!unitId) {
      void message.warning(t('template.pickUnit'));
      return;
    }
    if (kind === 'ratings' && !periodId) {
      void message.warning(t('template.pickPeriod'));
      return;
    }
    try {
      const { path } = await call('desktop.pickSaveFile', {
        title: t('template.title', { what: label }),
        defaultName: `${nameHint ? nameHint + '-' : ''}${t('template.file', { what: label })}`,
        filters: [{ name: t('import.workbook'), extensions: ['xlsx'] }],
      });
      if (!path) return;
      const end = await follow(await call('templates.generate', { kind, unitId, periodId: periodId ?? null, path }));
      if (end.status === 'done')
        void message.success(t('template.done', { n: (end.value as { people: number }).people, path }));
      else void message.error({ content: end.error?.message ?? t('template.failed'), duration: 6 });
    } catch (e) {
      void message.error({ content: toApiError(e).message, duration: 6 });
    }
  };
  return (
    <Button icon={<FileExcelOutlined />} loading={job?.status === 'running'} onClick={() => void run()}>
      {t('template.button', { what: label })}
    </Button>
  );
}
