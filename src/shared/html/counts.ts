import type { SanitizeCounts, SanitizeReport } from './model';

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
    hiddenDropped: 0,
    pageHeadersFootersDropped: 0,
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


/** The report of a sanitisation that changed nothing. */
export function emptyReport(): SanitizeReport {
  return { ...noChanges(), leftOut: [] };
}

/** Two reports as one (the pieces of a large paste), left-out text in order. */
export function addReports(a: SanitizeReport, b: SanitizeReport): SanitizeReport {
  return { ...addCounts(a, b), leftOut: [...a.leftOut, ...b.leftOut] };
}

/** Just the report of a sanitisation result (without its blocks). */
export function reportOf(result: SanitizeReport): SanitizeReport {
  return addReports(emptyReport(), result);
}
