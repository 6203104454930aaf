import type { Core } from '../core';
import { toIsoWithOffset } from '../../../shared/dates';
import type { Handlers } from '../api/handlers';
import type { exportCalls } from '../../../shared/export';
import { printedAgencyTag } from '../../../shared/proofing/agency';
import { ExportJobs } from './jobs';
import { reviewPublisher } from './publish';
import { ExportService } from './service';

type ExportCallName = keyof typeof exportCalls;

/** The export service for a core: media from the media store, open suggestions and publishing from review. */
export function createExportService(core: Core, extra: { onEncode?: () => void } = {}): ExportService {
  return new ExportService({
    db: core.db,
    articles: core.articles,
    readMedia: async (id) => {
      const info = core.media.get(id);
      const bytes = info ? await core.media.readOriginal(id) : null;
      if (!info || !bytes) return null;
      return { bytes, credit: info.description.creditLine || info.description.creator };
    },
    mediaSize: (id) => {
      const info = core.media.get(id);
      return info ? { width: info.width, height: info.height } : null;
    },
    countSuggestions: (article) => core.review.suggestions.countOpen(article.meta.id),
    proofing: (doc, article, profile) => core.proofing.proofDocument(doc, article.meta.language, printedAgencyTag(article.meta.agencyTag, profile.agencyTag)),
    mayOverrideProofing: () => core.review.people.local()?.role === 'desk',
    logProofingOverride: (entry) => core.proofing.overrides.record({ ...entry, profileId: core.review.people.local()?.id ?? null }),
    workflow: reviewPublisher(core.db, core.review, core.articles, () => toIsoWithOffset(new Date())),
    onEncode: extra.onEncode,
  });
}

export function createExportHandlers(core: Core): Pick<Handlers, ExportCallName> {
  const service = createExportService(core);
  const jobs = new ExportJobs(service);
  return {
    listPublicationProfiles: () => ({ items: service.profiles.list() }),
    savePublicationProfile: ({ name, profile, baseVersion }) => service.profiles.save(name, profile, baseVersion),
    preflightArticle: ({ id, profile, proofingOverride }) => {
      const { errors, warnings, exportable } = service.preflight(id, profile, proofingOverride);
      return { errors, warnings, exportable };
    },
    fixArticleNfc: ({ id }) => service.fixNfc(id),
    previewExport: ({ id, profile }) => service.previewHtml(id, profile),
    startExport: (request) => jobs.start(request),
    exportJob: ({ jobId }) => jobs.get(jobId),
  };
}
