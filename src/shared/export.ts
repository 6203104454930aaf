import { z } from 'zod';
import { ArticleId } from './article';
import { DEFAULT_TIME_ZONE } from './dates';
import { cleanText } from './text';
import { cssFetchProblem, describeCssProblem } from './css-safety';

/**
 * Export contract shared by the core, the CLI and the Export view: publication
 * profiles, preflight findings and export job results.
 */

const Text = (max: number) => z.string().max(max).transform(cleanText);

/** Every preflight finding has a stable code; the UI translates it, the CLI prints `message`. */
export const PREFLIGHT_ERROR_CODES = [
  'invalid_document',
  'no_headline',
  'empty_body',
  'figure_without_image',
  'figure_image_missing',
  'figure_without_caption',
  'figure_without_credit',
  'unsafe_link',
  'missing_byline',
  'unresolved_suggestions',
  'not_nfc',
  'proofing_error',
] as const;

export const PREFLIGHT_WARNING_CODES = [
  'length_over_target',
  'length_under_target',
  'headline_over_target',
  'lead_over_target',
  'caption_over_target',
  'headline_too_long',
  'image_too_small',
  'empty_paragraph',
  'double_space',
  'proofing_warning',
] as const;

export const PreflightWarningCode = z.enum(PREFLIGHT_WARNING_CODES);
export type PreflightWarningCode = z.infer<typeof PreflightWarningCode>;
export const PreflightCode = z.enum([...PREFLIGHT_ERROR_CODES, ...PREFLIGHT_WARNING_CODES]);
export type PreflightCode = z.infer<typeof PreflightCode>;

export const PreflightIssue = z.object({
  code: PreflightCode,
  severity: z.enum(['error', 'warning']),
  /** True for every error and for the warnings the profile makes blocking. */
  blocking: z.boolean(),
  /** One English sentence for the CLI and logs; the UI builds its own from `code` and `params`. */
  message: z.string(),
  /** Where in the article: `headline`, `lead`, `body`, `byline`, `figure 2`, `paragraph 5`… */
  where: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  /** A fix the app can apply itself (only `nfc` today). */
  fix: z.enum(['nfc']).optional(),
});
export type PreflightIssue = z.infer<typeof PreflightIssue>;

export const PreflightResult = z.object({
  errors: z.array(PreflightIssue),
  warnings: z.array(PreflightIssue),
  /** False when any finding blocks export. */
  exportable: z.boolean(),
});
export type PreflightResult = z.infer<typeof PreflightResult>;

/** The paper's date styles; `house-vi` is `Thứ sáu, 10/06/2016, 16:36 [GMT+7]`. */
export const DateStyle = z.enum(['house-vi', 'iso']);
export type DateStyle = z.infer<typeof DateStyle>;

/** CSS may not leave its `<style>` element nor fetch anything from outside (the rule: `css-safety.ts`). */
const SafeCss = z
  .string()
  .max(20_000)
  .superRefine((css, ctx) => {
    const problem = cssFetchProblem(css);
    if (problem) ctx.addIssue({ code: 'custom', message: describeCssProblem(problem) });
  });

export const ProfileName = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'profile name may hold only a-z, 0-9 and hyphens (up to 40)');

/** How a publication's bundles look and which warnings stop an export. */
export const PublicationProfile = z.object({
  siteName: Text(200).refine((s) => s.trim().length > 0, 'site name is required'),
  /** Public address of the site; a bundle's canonical URL is `<baseUrl><slug>/`. */
  baseUrl: z
    .string()
    .max(500)
    .refine((u) => {
      try {
        const url = new URL(u);
        return (url.protocol === 'https:' || url.protocol === 'http:') && u.endsWith('/') && !url.search && !url.hash && !url.username;
      } catch {
        return false;
      }
    }, 'base URL must be an http(s) address ending in "/", e.g. https://baolaichau.vn/'),
  /** Open Graph locale such as `vi_VN`. */
  locale: z.string().regex(/^[a-z]{2,3}_[A-Z]{2}$/, 'locale must look like vi_VN'),
  timeZone: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'unknown time zone'),
  /** Tag used when an article has none of its own, e.g. `BLC`. */
  agencyTag: Text(20),
  dateStyle: DateStyle,
  /** Extra CSS appended after the built-in style. */
  css: SafeCss,
  /** Warnings that stop an export for this publication. */
  blockingWarnings: z.array(PreflightWarningCode).max(PREFLIGHT_WARNING_CODES.length),
  /** Write the photo credit as EXIF Copyright/Artist into renditions; otherwise they carry no metadata at all. */
  embedCredit: z.boolean(),
});
export type PublicationProfile = z.infer<typeof PublicationProfile>;

export const DEFAULT_PROFILE_NAME = 'default';

/** The first customer's profile; settings edit a copy stored in the database. */
export const DEFAULT_PROFILE: PublicationProfile = {
  siteName: 'Báo Lai Châu',
  baseUrl: 'https://baolaichau.vn/',
  locale: 'vi_VN',
  timeZone: DEFAULT_TIME_ZONE,
  agencyTag: 'BLC',
  dateStyle: 'house-vi',
  css: '',
  blockingWarnings: [],
  embedCredit: true,
};

export const ProfileRecord = z.object({
  name: z.string(),
  version: z.number().int(),
  profile: PublicationProfile,
  updatedAt: z.string(),
  /**
   * CSS stored by an older version of Newsroom that today's rule refuses (it
   * could fetch from outside): `profile.css` is empty so exports leave it out,
   * and the profile editor shows this text with its problem to be corrected.
   */
  cssLeftOut: z.string().optional(),
});
export type ProfileRecord = z.infer<typeof ProfileRecord>;

export const ExportKind = z.enum(['publish', 'preview']);
export type ExportKind = z.infer<typeof ExportKind>;

/** The desk's reason for exporting despite proofing errors; with it they are listed but do not block. */
export const ProofingOverride = z.string().trim().min(3, 'give the reason for overriding the proofing errors').max(500).optional();

export const ExportRequest = z
  .object({
    ids: z.array(ArticleId).max(10_000).optional(),
    /** Export every (not deleted) article in this status instead of `ids`. */
    status: z.enum(['approved']).optional(),
    all: z.boolean().optional(),
    outDir: z.string().min(1).max(4096),
    zip: z.boolean().default(false),
    profile: ProfileName.default(DEFAULT_PROFILE_NAME),
    /** Publish approved articles (status → published); everything else is a preview export. */
    publish: z.boolean().default(false),
    proofingOverride: ProofingOverride,
  })
  .strict()
  .refine((r) => [r.ids !== undefined, r.status !== undefined, r.all === true].filter(Boolean).length === 1, 'give exactly one of ids, status or all');
export type ExportRequest = z.infer<typeof ExportRequest>;

export const BundleResult = z.object({
  id: z.string(),
  slug: z.string(),
  headline: z.string(),
  ok: z.boolean(),
  kind: ExportKind.optional(),
  path: z.string().optional(),
  indexSha256: z.string().optional(),
  /** Why it was not exported: blocking preflight findings or one readable sentence. */
  blocking: z.array(PreflightIssue).default([]),
  message: z.string().optional(),
  /** The folder or zip the export refused to replace because it holds files Newsroom did not write. */
  refusedPath: z.string().optional(),
});
export type BundleResult = z.infer<typeof BundleResult>;

export const ExportJobStatus = z.object({
  jobId: z.string(),
  total: z.number().int(),
  done: z.number().int(),
  finished: z.boolean(),
  results: z.array(BundleResult),
  /** The batch's `index.json`, once written. */
  indexPath: z.string().nullable(),
  /** A failure of the whole job (unreadable folder, unknown profile…). */
  error: z.string().nullable(),
  /** When the job was refused because its `index.json` target holds a file Newsroom did not write: that file. */
  refusedPath: z.string().optional(),
});
export type ExportJobStatus = z.infer<typeof ExportJobStatus>;

const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const ProfileArg = { profile: ProfileName.optional() };

/** The export calls, spread into `api` in `src/shared/api.ts`. */
export const exportCalls = {
  /** Every publication profile (newest version of each), the default first. */
  listPublicationProfiles: call(z.object({}).strict(), z.object({ items: z.array(ProfileRecord) })),
  /** Save a profile as a new version; `baseVersion` refuses to overwrite someone else's change. */
  savePublicationProfile: call(
    z.object({ name: ProfileName, profile: PublicationProfile, baseVersion: z.number().int().min(0).optional() }).strict(),
    ProfileRecord,
  ),
  /** Blocking errors and warnings for one article under a profile; writes nothing. */
  preflightArticle: call(z.object({ id: ArticleId, ...ProfileArg, proofingOverride: ProofingOverride }).strict(), PreflightResult),
  /** The preflight fix for `not_nfc`: save the document normalised to NFC. */
  fixArticleNfc: call(z.object({ id: ArticleId }).strict(), z.object({ revision: z.number().int() })),
  /** The bundle's real `index.html` (photos inlined) for the sandboxed preview frame. */
  previewExport: call(
    z.object({ id: ArticleId, ...ProfileArg }).strict(),
    z.object({ html: z.string(), kind: ExportKind, preflight: PreflightResult }),
  ),
  /** Start a (batch) export in the background; poll {@link exportCalls.exportJob} for progress. */
  startExport: call(ExportRequest, z.object({ jobId: z.string() })),
  exportJob: call(z.object({ jobId: z.uuid() }).strict(), ExportJobStatus),
};
