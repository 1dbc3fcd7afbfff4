// The button that starts a spreadsheet import (roster, ratings, evidence, history, 民主测评 tallies): pick a file →
// check it in the background (progress, cancel) → preview with every bad cell named → apply all,
// or by explicit choice only the clean rows → result. Owned by the imports capability.
import { useState } from 'react';
import { Alert, Button, Modal, Popconfirm, Progress, Result, Space } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { ImportPreview, ImportResult } from '@shared/import/types';
import { ApiError, call } from '../../api/client';
import { toApiError } from '../../hooks/useApi';
import { percent, useJob } from './useJob';
import { ImportPreviewView } from './ImportPreviewView';
import { IMPORT_WRITE_PERMISSION } from '@shared/auth/import-permissions';
import { usePermissions } from '../auth/usePermissions';
import { useT } from '../../i18n/language';

export type { ImportKind } from '@shared/import/columns';
import type { ImportKind } from '@shared/import/columns';

export interface ImportButtonProps {
  kind: ImportKind;
  /** the year and period a ratings or evidence template belongs to */
  yearId?: string;
  periodId?: string;
  /** the unit being imported for: a template of another unit is refused */
  unitId?: string;
  onApplied?: () => void;
}

type Step = 'closed' | 'checking' | 'preview' | 'applying' | 'done' | 'failed';

/** Offered only to an operator who may apply this kind of import (main checks it again). */
export function ImportButton(props: ImportButtonProps) {
  return usePermissions().can(IMPORT_WRITE_PERMISSION[props.kind]) ? <ImportFlow {...props} /> : null;
}

function ImportFlow({ kind, periodId, unitId, onApplied }: ImportButtonProps) {
  const t = useT();
  const label = t(`import.kind.${kind}`);
  const [step, setStep] = useState<Step>('closed');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [reportPath, setReportPath] = useState<string | null>(null);
  const { job, follow, cancel } = useJob();

  const fail = (e: unknown) => {
    setError(toApiError(e));
    setStep('failed');
  };

  const start = async () => {
    setError(null);
    setResult(null);
    setPreview(null);
    setReportPath(null);
    try {
      const { path } = await call('desktop.pickOpenFile', {
        title: t('import.pickTitle', { what: label }),
        filters: [{ name: t('import.workbook'), extensions: ['xlsx'] }],
      });
      if (!path) return;
      setStep('checking');
      const end = await follow(
        await call('imports.preview', { kind, path, unitId: unitId ?? null, periodId: periodId ?? null }),
      );
      if (end.status === 'done') {
        setPreview(end.value as ImportPreview);
        setStep('preview');
      } else if (end.status === 'cancelled') setStep('closed');
      else fail(new ApiError(end.error as never));
    } catch (e) {
      fail(e);
    }
  };

  const applyWith = async (mode: 'all' | 'clean') => {
    if (!preview) return;
    setStep('applying');
    try {
      const end = await follow(await call('imports.apply', { previewId: preview.previewId, mode }));
      if (end.status === 'done') {
        setResult(end.value as ImportResult);
        setStep('done');
        onApplied?.();
      } else if (end.status === 'cancelled') {
        setError(new ApiError({ code: 'CANCELLED', message: t('import.cancelled') }));
        setStep('preview');
      } else fail(new ApiError(end.error as never));
    } catch (e) {
      fail(e);
    }
  };

  const exportReport = async () => {
    if (!preview) return;
    try {
      const base = preview.fileName.replace(/\.xlsx$/i, '');
      const { path } = await call('desktop.pickSaveFile', {
        title: t('import.saveReport'),
        defaultName: t('import.reportFile', { base }),
        filters: [{ name: t('import.workbook'), extensions: ['xlsx'] }],
      });
      if (!path) return;
      const end = await follow(await call('imports.errorReport', { previewId: preview.previewId, path }));
      if (end.status === 'done') setReportPath(path);
      else setError(new ApiError(end.error as never));
    } catch (e) {
      setError(toApiError(e));
    }
  };

  const close = () => {
    if (step === 'checking' || step === 'applying') return;
    setStep('closed');
  };
  const busy = step === 'checking' || step === 'applying';
  const hasErrors = (preview?.issueTotal ?? 0) > 0;
  const nothingToDo = !!preview && preview.summary.add + preview.summary.change === 0;

  const footer =
    step === 'preview' ? (
      <Space wrap>
        <Button onClick={exportReport} disabled={!hasErrors}>
          {t('import.exportReport')}
        </Button>
        <Popconfirm
          title={t('import.cleanOnlyTitle')}
          description={t('import.cleanOnlyDetail', {
            clean: preview!.summary.cleanRows,
            errors: preview!.summary.errorRows,
          })}
          okText={t('import.cleanOnlyOk')}
          cancelText={t('import.cleanOnlyCancel')}
          onConfirm={() => void applyWith('clean')}
          disabled={!hasErrors || preview!.summary.cleanRows === 0}
        >
          <Button disabled={!hasErrors || preview!.summary.cleanRows === 0}>{t('import.cleanOnly')}</Button>
        </Popconfirm>
        <Button type="primary" disabled={hasErrors || nothingToDo} onClick={() => void applyWith('all')}>
          {t('import.all')}
        </Button>
      </Space>
    ) : busy ? (
      <Button danger onClick={() => void cancel()}>
        {t('import.cancel')}
      </Button>
    ) : (
      <Button onClick={close}>{t('import.close')}</Button>
    );

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => void start()}>
        {t('import.button')}
      </Button>
      <Modal
        open={step !== 'closed'}
        title={t('import.title', { what: label })}
        width={1000}
        onCancel={close}
        maskClosable={false}
        closable={!busy}
        footer={footer}
        destroyOnHidden
      >
        {busy && (
          <div style={{ padding: '24px 0' }} data-testid="import-progress">
            <Progress percent={percent(job)} status="active" />
            <div style={{ color: '#666' }}>
              {job?.message || t(step === 'checking' ? 'import.checking' : 'import.applying')}
            </div>
          </div>
        )}
        {error && (
          <Alert
            type={error.error.code === 'CANCELLED' ? 'warning' : 'error'}
            showIcon
            role="alert"
            message={error.message}
            style={{ marginBottom: 12 }}
          />
        )}
        {reportPath && (
          <Alert
            type="success"
            showIcon
            message={t('import.reportSaved', { path: reportPath ?? '' })}
            style={{ marginBottom: 12 }}
          />
        )}
        {step === 'preview' && preview && (
          <>
            {hasErrors && (
              <Alert
                type="warning"
                showIcon
                message={t('import.errors', { n: preview.issueTotal })}
                style={{ marginBottom: 12 }}
              />
            )}
            <ImportPreviewView preview={preview} />
          </>
        )}
        {step === 'done' && result && (
          <Result
            status={result.capWarnings.length ? 'warning' : 'success'}
            title={result.capWarnings.length ? t('import.capWarning') : result.message}
            subTitle={result.capWarnings.length ? result.message : result.fileName}
            data-testid="import-result"
          />
        )}
      </Modal>
    </>
  );
}
