import { DEFAULT_LENGTH_TARGET as HOUSE, type LengthTarget } from '../../../../../shared/article';
import type { PartCounts } from './count-parts';

/** House part limits, used when the article's metadata sets none. */
export const DEFAULT_LENGTH_TARGET: Required<Pick<LengthTarget, 'headlineMax' | 'leadMax' | 'captionMax'>> = {
  headlineMax: HOUSE.headlineMax,
  leadMax: HOUSE.leadMax,
  captionMax: HOUSE.captionMax,
};

export type Limits = LengthTarget & typeof DEFAULT_LENGTH_TARGET;

export function effectiveTarget(meta: LengthTarget | undefined): Limits {
  return { ...DEFAULT_LENGTH_TARGET, ...stripUndefined(meta ?? {}) };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export interface PartStatus {
  headlineOver: boolean;
  leadOver: boolean;
  /** Indexes of captions over the limit. */
  captionsOver: number[];
  totalUnder: boolean;
  totalOver: boolean;
}

/** Which parts break their limits. */
export function checkTargets(counts: PartCounts, limits: Limits): PartStatus {
  return {
    headlineOver: counts.headline.words > limits.headlineMax,
    leadOver: counts.lead.words > limits.leadMax,
    captionsOver: counts.captions.flatMap((c, i) => (c.words > limits.captionMax ? [i] : [])),
    // An article not begun yet is not "too short": red at 0 words tells a new reporter nothing.
    totalUnder: limits.min !== undefined && counts.total.words > 0 && counts.total.words < limits.min,
    totalOver: limits.max !== undefined && counts.total.words > limits.max,
  };
}
