// The button that starts a spreadsheet import (roster, ratings, evidence, history, 民主测评 tallies): pick a file →
// check it in the background (progress, cancel) → preview with every bad cell named → apply all,
// or by explicit choice only the clean rows → result. Owned by the imports capability.
import { useState } from 'react';
import { Alert, Button, Modal, Popconfirm, Progress, Result, Space } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { ImportPreview, ImportResult } from '@shared/import/types';
import { IMPORT_KIND_LABEL } from '@shared/import/columns';
import { ApiError, call } from '../../api/client';
import { toApiError } from '../../hooks/useApi';
import { percent, useJob } from './useJob';
import { ImportPreviewView } from './ImportPreviewView';
import { IMPORT_WRITE_PERMISSION } from '@shared/auth/import-permissions';
import { usePermissions } from '../auth/usePermissions';

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
  const label = IMPORT_KIND_LABEL[kind];
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
        title: `选择要导入的${label}表格`,
        filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
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
        setError(new ApiError({ code: 'CANCELLED', message: '已取消，数据未被修改。' }));
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
        title: '保存错误报告',
        defaultName: `${base}-错误报告.xlsx`,
        filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
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
          导出错误报告
        </Button>
        <Popconfirm
          title="仅导入无误的行？"
          description={`将导入 ${preview!.summary.cleanRows} 行无误的数据，跳过 ${preview!.summary.errorRows} 行有错误的数据（不会部分导入某一行）。`}
          okText="确认仅导入无误的行"
          cancelText="再看看"
          onConfirm={() => void applyWith('clean')}
          disabled={!hasErrors || preview!.summary.cleanRows === 0}
        >
          <Button disabled={!hasErrors || preview!.summary.cleanRows === 0}>仅导入无误的行</Button>
        </Popconfirm>
        <Button type="primary" disabled={hasErrors || nothingToDo} onClick={() => void applyWith('all')}>
          全部导入
        </Button>
      </Space>
    ) : busy ? (
      <Button danger onClick={() => void cancel()}>
        取消
      </Button>
    ) : (
      <Button onClick={close}>关闭</Button>
    );

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => void start()}>
        从表格导入
      </Button>
      <Modal
        open={step !== 'closed'}
        title={`导入${label}`}
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
            <div style={{ color: '#666' }}>{job?.message || (step === 'checking' ? '正在检查文件…' : '正在导入…')}</div>
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
          <Alert type="success" showIcon message={`错误报告已保存：${reportPath}`} style={{ marginBottom: 12 }} />
        )}
        {step === 'preview' && preview && (
          <>
            {hasErrors && (
              <Alert
                type="warning"
                showIcon
                message={`文件中有 ${preview.issueTotal} 处错误：可改正后重新导入，或明确选择“仅导入无误的行”。`}
                style={{ marginBottom: 12 }}
              />
            )}
            <ImportPreviewView preview={preview} />
          </>
        )}
        {step === 'done' && result && (
          <Result
            status={result.capWarnings.length ? 'warning' : 'success'}
            title={result.capWarnings.length ? '导入完成，但“好”等次超过比例上限' : result.message}
            subTitle={result.capWarnings.length ? result.message : result.fileName}
            data-testid="import-result"
          />
        )}
      </Modal>
    </>
  );
}
