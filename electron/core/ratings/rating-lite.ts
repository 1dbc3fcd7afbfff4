// The few fields of a saved rating that the cap tallies and the kept period state need; its own
// file so that cap-tally.ts and period-state.ts do not import each other.
import type { PeriodRatingDto } from '../../../shared/domain/records';

export type RatingLite = Pick<PeriodRatingDto, 'id' | 'personId' | 'unitId' | 'rating' | 'updatedAt'>;
