import type { SanitizeCounts } from './model';

/** Counts of a sanitisation that changed nothing. */
export function noChanges(): SanitizeCounts {
  return {
    imagesDropped: 0,
    unsafeLinksDropped: 0,
    tablesFlattened: 0,
    tableRowsFlattened: 0,
    struckKept: 0,
    underlinedKept: 0,
    embedsDropped: 0,
    formFieldsDropped: 0,
    trackedDeletionsDropped: 0,
    commentsDropped: 0,
  };
}

/** Sum of two counts (a large paste sanitises its HTML in pieces). */
export function addCounts(a: SanitizeCounts, b: SanitizeCounts): SanitizeCounts {
  const sum = noChanges();
  for (const key of Object.keys(sum) as (keyof SanitizeCounts)[]) sum[key] = a[key] + b[key];
  return sum;
}

/** Just the counts of a sanitisation result (without its blocks). */
export function countsOf(result: SanitizeCounts): SanitizeCounts {
  return addCounts(noChanges(), result);
}

