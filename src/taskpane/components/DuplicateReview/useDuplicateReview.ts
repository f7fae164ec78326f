/** The review list's state: which row each group keeps, which groups are "not a duplicate", how many are shown. */
import { useState } from 'react';
import type { DuplicatesSummary } from '../../../actions';

/** Groups shown at first and added by each "show more": every group can be reviewed, a page at a time. */
export const REVIEW_GROUPS = 20;

export function useDuplicateReview(summary: DuplicatesSummary) {
  const [keep, setKeep] = useState<Record<number, number>>({});
  const [notDuplicates, setNotDuplicates] = useState<number[]>([]);
  const [limit, setLimit] = useState(REVIEW_GROUPS);
  const groups = summary.groups.slice(0, limit);
  return {
    groups,
    hidden: summary.groups.length - groups.length,
    showMore: () => setLimit((n) => n + REVIEW_GROUPS),
    keepOf: (id: number, fallback: number) => keep[id] ?? fallback,
    setKeep: (id: number, row: number) => setKeep((k) => ({ ...k, [id]: row })),
    isNotDuplicate: (id: number) => notDuplicates.includes(id),
    toggleNotDuplicate: (id: number, on: boolean) => setNotDuplicates((n) => (on ? [...n, id] : n.filter((x) => x !== id))),
    changed: Object.keys(keep).length > 0 || notDuplicates.length > 0,
    choices: () => ({ notDuplicates, keep }),
  };
}
