/**
 * The agency tag an article is printed with, and so the one proofing checks a
 * doubled tag against: the article's own field, or, when that is empty, the
 * default export profile's tag (the page adds it either way). Preflight, the CLI
 * and the editor's underlines all ask this, so they agree.
 */
export function printedAgencyTag(articleTag: string | null | undefined, profileTag: string | null | undefined): string {
  return articleTag?.trim() || profileTag?.trim() || '';
}

/** The default export profile's agency tag among listed profiles ('' when there is none). */
export function defaultProfileTag(profiles: readonly { name: string; profile: { agencyTag: string } }[]): string {
  return profiles.find((p) => p.name === 'default')?.profile.agencyTag ?? '';
}
