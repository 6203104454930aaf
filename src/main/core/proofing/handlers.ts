import type { Core } from '../core';
import type { Handlers } from '../api/handlers';
import type { proofingCalls } from '../../../shared/proofing/api';
import { nfc } from '../../../shared/text';
import { readRules, writeRules } from './rules-file';
import { ProfileRepository } from '../export/profiles';
import { DEFAULT_PROFILE_NAME } from '../../../shared/export';
import { printedAgencyTag } from '../../../shared/proofing/agency';

export function createProofingHandlers(core: Core): Pick<Handlers, keyof typeof proofingCalls> {
  return {
    getProofingRules: () => {
      const { file, loaded } = readRules(core.databasePath);
      return { file: file as never, problems: loaded.problems };
    },
    saveProofingRules: ({ file, baseVersion }) => {
      const { file: saved, loaded } = writeRules(core.databasePath, file, baseVersion);
      return { version: saved.version, problems: loaded.problems };
    },
    proofImport: ({ importId }) => {
      const { document, meta } = core.imports.draft(importId);
      // The tag the page will print, as the editor, preflight and `newsroom proof` check it.
      const profileTag = new ProfileRepository(core.db).get(DEFAULT_PROFILE_NAME).profile.agencyTag;
      const findings = core.proofing.proofDocument(document, meta.language ?? 'vi', printedAgencyTag(meta.agencyTag, profileTag));
      const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
      return { errors: count('error'), warnings: count('warning'), info: count('info') };
    },
    listNewsroomDictionary: ({ query }) => ({
      entries: core.proofing.newsroom.list(query),
      offered: core.proofing.newsroom.offered(),
      canEdit: core.review.people.local()?.role === 'desk',
    }),
    addNewsroomWord: ({ word, kind }) => core.proofing.newsroom.add(core.review.people.requireLocal(), word, kind),
    removeNewsroomWord: ({ word }) => ({ removed: core.proofing.newsroom.remove(core.review.people.requireLocal(), word) }),
    decideOfferedWords: ({ words, accept }) => core.proofing.newsroom.decide(core.review.people.requireLocal(), words, accept),
    listPersonalWords: () => {
      const me = core.review.people.local();
      return { words: me ? core.proofing.personal.words(me.id) : [] };
    },
    addPersonalWords: ({ words }) => ({ words: core.proofing.personal.add(core.review.people.requireLocal().id, words) }),
    listProofingOverrides: ({ id }) => {
      core.articles.get(id);
      return core.proofing.overrides.list(id);
    },
    proofText: ({ paragraphs, language }) => ({ findings: core.proofing.proofParagraphs(paragraphs.map((text, paragraph) => ({ part: 'body', paragraph, text: nfc(text), pos: -1 })), language, '') }),
  };
}
