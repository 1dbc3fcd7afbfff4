// The stored 细类 words that forms and lists compare against (they are data, in Chinese in every UI
// language), named once so renderer code needs no Chinese literal of its own.
import { EVIDENCE_SUB_KINDS } from '../domain/types';

export const SUB_KIND = {
  /** 留党察看: the form asks for its term */
  partyProbation: EVIDENCE_SUB_KINDS.party_discipline[3],
  /** 开除: no sanction period, the person leaves the assessment */
  expulsion: EVIDENCE_SUB_KINDS.sanction[5],
  /** 培训学时: the days field counts hours */
  trainingHours: EVIDENCE_SUB_KINDS.work[5],
} as const;
