import type { Core } from '../core';
import type { Handlers } from '../api/handlers';
import type { proofingCalls } from '../../../shared/proofing/api';
import { textParagraphs } from '../../../shared/proofing/paragraphs';
import { readRules, writeRules } from './rules-file';

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
    proofText: ({ paragraphs, language }) => ({ findings: core.proofing.proofParagraphs(paragraphs.map((text, paragraph) => ({ part: 'body', paragraph, text, pos: -1 })), language, '') }),
  };
}
