// 材料打印: the evaluation pack of the current year — generate the workbooks (one button, off the
// main thread) and preview every sheet as it prints, with the personal-summary drafts.
import { Alert, Empty, Flex, Spin } from 'antd';
import { PageHeader } from '../../components/PageHeader';
import { useCurrentYear } from '../../state/current-year';
import { useQuery } from '../../hooks/useApi';
import { ExportPanel } from './ExportPanel';
import { PreviewPanel } from './PreviewPanel';
import { useT } from '../../i18n/language';

export function PackPage() {
  const t = useT();
  const { year } = useCurrentYear();
  const q = useQuery('pack.options', year ? { yearId: year.id } : null);
  return (
    <>
      <PageHeader title={t('pack.title')} />
      {!year ? (
        <Empty description={t('pack.noYear')} />
      ) : q.error ? (
        <Alert type="error" showIcon message={q.error.message} />
      ) : !q.data ? (
        <Spin />
      ) : (
        <Flex gap={16} align="start">
          <div style={{ width: 320, flex: 'none' }}>
            <ExportPanel yearId={year.id} options={q.data} />
          </div>
          <div style={{ flex: 1, minWidth: 0 }}>
            <PreviewPanel yearId={year.id} options={q.data} />
          </div>
        </Flex>
      )}
    </>
  );
}
