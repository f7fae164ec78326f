import type { DuplicatesSummary } from '../../../actions';
import type { ResultContext } from '../goTo';
import type { useDuplicateReview } from './useDuplicateReview';

export interface DuplicateReviewProps {
  summary: DuplicatesSummary;
  ctx: ResultContext;
}

export type DuplicateReviewState = ReturnType<typeof useDuplicateReview>;
