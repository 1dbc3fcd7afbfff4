// The office's quarterly review (复核): which departments stand out. Pure: takes each department's
// counts, returns flags with a Chinese reason, so the review screen and tests read the same verdict.
import { percentLabel, type CapStanding } from './cap';
import { RATING_LABEL } from '../domain/labels';
import { PERIOD_RATING_ORDER } from '../domain/types';

/** A department whose 好 share is this far above the agency's is flagged (20 points: 60% vs 40%). */
export const OUTLIER_SHARE_GAP = 0.2;
/** Below this many rated people a share or a uniform column says little; no flags. */
export const OUTLIER_MIN_RATED = 3;

export interface OutlierFlag {
  kind: 'high_good_share' | 'all_same' | 'over_cap';
  message: string;
}

export function reviewFlags(dept: CapStanding, agencyGoodShare: number): OutlierFlag[] {
  const flags: OutlierFlag[] = [];
  if (dept.over && dept.cap !== null)
    flags.push({ kind: 'over_cap', message: `“好” ${dept.good} 人，超过上限 ${dept.cap} 人` });
  if (dept.rated < OUTLIER_MIN_RATED) return flags;
  const share = dept.good / dept.rated;
  if (share - agencyGoodShare >= OUTLIER_SHARE_GAP - 1e-9) {
    flags.push({
      kind: 'high_good_share',
      message: `“好”占 ${percentLabel(share)}，明显高于全单位平均 ${percentLabel(agencyGoodShare)}`,
    });
  }
  const uniform = PERIOD_RATING_ORDER.find((r) => dept.counts[r] === dept.rated);
  if (uniform) flags.push({ kind: 'all_same', message: `全部评为“${RATING_LABEL[uniform]}”，未体现差异` });
  return flags;
}
