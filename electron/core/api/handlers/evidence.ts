// Handlers of evidence of the year, the per-person timeline and the progress dashboard.
import type { HandlerMap } from '../dispatch';
import type { evidenceMethods } from '../../../../shared/api/evidence';
import { createEvidence, getEvidence, updateEvidence, voidEvidence } from '../../evidence/evidence-service';
import { evidenceLookups, findPeople, listEvidence } from '../../evidence/evidence-query';
import { personTimeline } from '../../evidence/timeline';

export const evidenceHandlers: Pick<HandlerMap, keyof typeof evidenceMethods> = {
  'evidence.create': (ctx, { data }) => createEvidence(ctx, data),
  'evidence.update': (ctx, { id, expectedUpdatedAt, data }) => updateEvidence(ctx, id, data, { expectedUpdatedAt }),
  'evidence.void': (ctx, { id, reason }) => voidEvidence(ctx, id, reason),
  'evidence.get': (ctx, { id }) => getEvidence(ctx, id),
  'evidence.list': (ctx, filter) => listEvidence(ctx.db, filter, ctx.now()),
  'evidence.timeline': (ctx, { personId, year }) => personTimeline(ctx, personId, year),
  'evidence.lookups': (ctx) => evidenceLookups(ctx.db),
  'evidence.people': (ctx, { search, limit }) => findPeople(ctx, search, limit),
};
