// Handlers of 证明材料: the path to attach must come from the operator's own dialog (or the command
// line), and opening goes through the desktop bridge, which hands the checked copy to the viewer.
import type { HandlerMap } from '../handler';
import type { attachmentsMethods } from '../../../../shared/api/attachments';
import { attachFile, listAttachments, openAttachment, removeAttachment } from '../../evidence/attachments-service';
import { assertGranted } from './desktop';

export const attachmentsHandlers: Pick<HandlerMap, keyof typeof attachmentsMethods> = {
  'evidence.attachments': (ctx, { evidenceId, includeRemoved }) => listAttachments(ctx, evidenceId, includeRemoved),
  'evidence.attach': (ctx, input, session) => {
    assertGranted(session, input.path);
    return attachFile(ctx, input);
  },
  'evidence.removeAttachment': (ctx, { id, reason }) => removeAttachment(ctx, id, reason),
  'evidence.openAttachment': (ctx, { id }, _session, core) => openAttachment(ctx, core.desktop, id),
};
