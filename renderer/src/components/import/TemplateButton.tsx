// Generates a department template (people pre-filled, drop-downs, locked headers, hidden meta) for
// a unit and, for ratings, a period; saved where the clerk chooses.
import { Button, App } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { IMPORT_KIND_LABEL, type ImportKind } from '@shared/import/columns';
import { call } from '../../api/client';
import { toApiError } from '../../hooks/useApi';
import { useJob } from './useJob';
import { IMPORT_WRITE_PERMISSION } from '@shared/auth/import-permissions';
import { usePermissions } from '../auth/usePermissions';

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
  const label = IMPORT_KIND_LABEL[kind];
  const run = async () => {
    if (!unitId) {
      void message.warning('请先选择单位或部门。');
      return;
    }
    if (kind === 'ratings' && !periodId) {
      void message.warning('请先选择期间。');
      return;
    }
    try {
      const { path } = await call('desktop.pickSaveFile', {
        title: `保存${label}模板`,
        defaultName: `${nameHint ? nameHint + '-' : ''}${label}模板.xlsx`,
        filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
      });
      if (!path) return;
      const end = await follow(await call('templates.generate', { kind, unitId, periodId: periodId ?? null, path }));
      if (end.status === 'done')
        void message.success(`模板已生成（预填 ${(end.value as { people: number }).people} 人）：${path}`);
      else void message.error({ content: end.error?.message ?? '生成失败', duration: 6 });
    } catch (e) {
      void message.error({ content: toApiError(e).message, duration: 6 });
    }
  };
  return (
    <Button icon={<FileExcelOutlined />} loading={job?.status === 'running'} onClick={() => void run()}>
      下载{label}模板
    </Button>
  );
}
