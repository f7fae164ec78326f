/**
 * Review list of duplicate groups: each row with who it is and how to reach them, the row to keep,
 * "not a duplicate", then apply — or finish the job: merge the groups, or move the duplicates to an
 * archive, each after a confirmation that says what will happen.
 */
import type { DuplicateReviewProps } from './DuplicateReview.types';
import { renderDuplicateReview } from './renderDuplicateReview';
import { useDuplicateReview } from './useDuplicateReview';
import { useDuplicateReviewStyles } from './useDuplicateReviewStyles.styles';

export function DuplicateReview({ summary, ctx }: DuplicateReviewProps) {
  const review = useDuplicateReview(summary);
  const styles = useDuplicateReviewStyles();
  return renderDuplicateReview(summary, ctx, review, styles);
}
