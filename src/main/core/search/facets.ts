import { createHash } from 'node:crypto';

/** What the search filters compare exactly: status, section, each author, each tag. */
export interface FacetValues {
  status: string;
  section: string;
  authors: readonly string[];
  tags: readonly string[];
}

/** Empty strings filter nothing, as in the SQL filters. */
export type FacetFilters = Partial<Record<'status' | 'section' | 'author' | 'tag', string>>;

const KIND = { status: 's', section: 'c', author: 'a', tag: 't' } as const;

/**
 * One index token per filter value: a kind letter and 16 hex digits of the value's
 * SHA-256 (values arrive NFC: stored fields, and filters through the API contract). Plain ASCII, so unicode61 keeps it as one token; hashed, so any
 * value (spaces, punctuation, Vietnamese) fits; SQL still checks every hit exactly,
 * so a hash collision could only cost time, never a wrong result.
 */
function token(kind: keyof typeof KIND, value: string): string {
  return KIND[kind] + createHash('sha256').update(value).digest('hex').slice(0, 16);
}

/** The `facets` column of an indexed article. */
export function facetText(v: FacetValues): string {
  const tokens = [token('status', v.status), token('section', v.section)];
  for (const a of new Set(v.authors)) tokens.push(token('author', a));
  for (const t of new Set(v.tags)) tokens.push(token('tag', t));
  return tokens.join(' ');
}

/**
 * The FTS5 condition selecting articles with every filter value, or null with no
 * such filter. FTS5 intersects these short doclists with the words' lists by
 * seeking, so a filter that leaves few (or no) articles costs few reads.
 */
export function facetMatch(f: FacetFilters): string | null {
  const tokens = (Object.keys(KIND) as (keyof typeof KIND)[]).filter((k) => f[k]).map((k) => `"${token(k, f[k]!)}"`);
  return tokens.length ? `facets : (${tokens.join(' ')})` : null;
}
