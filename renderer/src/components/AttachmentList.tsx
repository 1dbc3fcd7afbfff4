// 证明材料 of one evidence item in the timeline: 文号, file name, size; 打开 hands a checked copy to
// the system's viewer (never shown inside the app); 添加 takes a scan from the file dialog and a
// 文号; 移除 asks why. Add and remove are offered only to whoever may record evidence, on a live item.
import { useState } from 'react';
import { App, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import type { AttachmentView } from '@shared/api/attachments';
import type { EvidenceView } from '@shared/api/evidence';
import { call } from '../api/client';
import { toApiError } from '../hooks/useApi';
import { useT } from '../i18n/language';
import { usePermissions } from './auth/usePermissions';

export function AttachmentList({
  item,
  attachments,
  locked,
  onChanged,
}: {
  item: EvidenceView;
  attachments: AttachmentView[];
  /** the item's year is decided */
  locked: boolean;
  onChanged(): void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const editable = can('evidence.write') && item.status === 'active' && !locked;
  const [adding, setAdding] = useState<{ path: string; docNo: string } | null>(null);
  const [removing, setRemoving] = useState<AttachmentView | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } catch (e) {
      void message.error({ content: toApiError(e).message, duration: 8 });
    } finally {
      setBusy(false);
    }
  };

  const pick = () =>
    run(async () => {
      const { path } = await call('desktop.pickOpenFile', {
        title: t('attach.pickTitle'),
        filters: [{ name: t('attach.filter'), extensions: ['pdf', 'jpg', 'jpeg', 'png', 'ofd'] }],
      });
      if (path) setAdding({ path, docNo: item.docNo ?? '' });
    });

  if (attachments.length === 0 && !editable) return null;
  return (
    <div data-testid="timeline-attachments" style={{ marginTop: 4 }}>
      {attachments.map((a) => (
        <Flex key={a.id} gap={8} align="center" wrap data-testid="attachment">
          <Typography.Text type="secondary">{t('attach.title')}</Typography.Text>
          <Typography.Text>{a.docNo || t('attach.noDocNo')}</Typography.Text>
          <Typography.Text type="secondary">
            {a.fileName} · {t('attach.size', { kb: Math.max(1, Math.round(a.size / 1024)) })}
          </Typography.Text>
          <Button
            size="small"
            type="link"
            onClick={() => void run(async () => void (await call('evidence.openAttachment', { id: a.id })))}
          >
            {t('attach.open')}
          </Button>
          {editable ? (
            <Button size="small" type="link" danger onClick={() => (setReason(''), setRemoving(a))}>
              {t('attach.remove')}
            </Button>
          ) : null}
        </Flex>
      ))}
      {editable ? (
        <Button size="small" loading={busy && !adding && !removing} onClick={() => void pick()}>
          {t('attach.add')}
        </Button>
      ) : null}
      <Modal
        open={adding !== null}
        title={t('attach.add')}
        okText={t('attach.confirmAdd')}
        okButtonProps={{ loading: busy }}
        onCancel={() => setAdding(null)}
        onOk={() =>
          void run(async () => {
            if (!adding) return;
            const a = await call('evidence.attach', { evidenceId: item.id, path: adding.path, docNo: adding.docNo });
            void message.success(t('attach.added', { name: a.fileName }));
            setAdding(null);
            onChanged();
          })
        }
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{adding?.path}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('attach.docNo')} help={t('attach.docNoHint')}>
            <Input
              aria-label={t('attach.docNo')}
              maxLength={200}
              value={adding?.docNo ?? ''}
              onChange={(e) => setAdding((x) => x && { ...x, docNo: e.target.value })}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={removing !== null}
        title={removing ? t('attach.removeTitle', { name: removing.fileName }) : ''}
        okText={t('attach.remove')}
        okButtonProps={{ danger: true, loading: busy, disabled: !reason.trim() }}
        onCancel={() => setRemoving(null)}
        onOk={() =>
          void run(async () => {
            if (!removing) return;
            await call('evidence.removeAttachment', { id: removing.id, reason: reason.trim() });
            void message.success(t('attach.removed'));
            setRemoving(null);
            onChanged();
          })
        }
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={t('attach.reason')} required help={reason.trim() ? undefined : t('attach.reasonRequired')}>
            <Input.TextArea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
