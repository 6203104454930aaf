import type { Handlers } from '../api/handlers';
import type { Core } from '../core';
import { documentFromStored } from '../../../shared/document';
import { ApiError } from '../../../shared/api';
import { inlineDiff, diffDocuments } from '../../../shared/review/diff';
import { buildPackage, HandoffError, unpackBytes } from '../handoff';
import { listKeys, trustKey } from '../trust/key-list';

type ReviewCallName =
  | 'getLocalProfile'
  | 'setLocalProfile'
  | 'listProfiles'
  | 'changeStatus'
  | 'listTransitions'
  | 'listComments'
  | 'addComment'
  | 'replyToComment'
  | 'resolveComment'
  | 'editComment'
  | 'updateCommentAnchors'
  | 'listSuggestions'
  | 'proposeSuggestions'
  | 'decideSuggestions'
  | 'undoSuggestionDecision'
  | 'compareDocuments'
  | 'createHandoffPackage'
  | 'openHandoffPackage'
  | 'listKeys'
  | 'trustKey'
  | 'untrustKey'
  | 'getClaimedStatus'
  | 'listHandoffConflicts'
  | 'resolveHandoffConflict';

/** Handlers for the review calls; spread into `createHandlers`. */
export function createReviewHandlers(core: Core): Pick<Handlers, ReviewCallName> {
  const { review } = core;
  return {
    getLocalProfile: () => review.people.local(),
    setLocalProfile: (input) => review.people.setLocal(input),
    listProfiles: () => review.people.list(),
    changeStatus: (input) => review.changeStatus(input),
    listTransitions: ({ id }) => {
      core.articles.get(id);
      return review.transitions.list(id);
    },
    listComments: ({ articleId }) => review.listComments(articleId),
    addComment: (input) => review.addComment(input),
    replyToComment: ({ threadId, body }) => review.comments.reply(threadId, body, review.people.requireLocal()),
    resolveComment: ({ threadId, resolved }) => review.comments.setResolved(threadId, resolved, review.people.requireLocal()),
    editComment: ({ id, body }) => review.comments.edit(id, body, review.people.requireLocal()),
    updateCommentAnchors: ({ articleId, anchors }) => {
      review.comments.updateAnchors(articleId, anchors);
      return { updated: anchors.length };
    },
    listSuggestions: ({ articleId, status }) => {
      core.articles.get(articleId);
      return review.suggestions.list(articleId, status);
    },
    proposeSuggestions: ({ articleId, changes, withdraw }) => review.propose(articleId, changes, withdraw),
    decideSuggestions: (input) => review.decide(input),
    undoSuggestionDecision: (input) => review.undoDecision(input),
    compareDocuments: ({ a, b }) => {
      const docA = documentFromStored(a);
      const docB = documentFromStored(b);
      return { parts: inlineDiff(docA, docB), changes: diffDocuments(docA, docB).length };
    },
    createHandoffPackage: async ({ id, purpose, includePrivateMetadata }) => {
      let built;
      try {
        built = await buildPackage(core, id, purpose, { includePrivateMetadata });
      } catch (err) {
        if (err instanceof HandoffError) throw new ApiError('forbidden', `The package was not written: ${err.message}.`);
        throw err;
      }
      return { fileName: built.fileName, data: Buffer.from(built.bytes).toString('base64'), missingMedia: built.missingMedia };
    },
    openHandoffPackage: async ({ data }) => {
      try {
        return await unpackBytes(core, new Uint8Array(Buffer.from(data, 'base64')));
      } catch (err) {
        if (err instanceof HandoffError) throw new ApiError('invalid_input', `The package was refused and nothing was changed: ${err.message}.`);
        throw err;
      }
    },
    listKeys: () => listKeys(core),
    trustKey: ({ fingerprint, name, role }) => trustKey(core, fingerprint, name, role),
    untrustKey: ({ fingerprint }) => review.knownKeys.revoke(fingerprint),
    getClaimedStatus: ({ id }) => {
      core.articles.get(id);
      return review.claims.get(id);
    },
    listHandoffConflicts: ({ articleId, all }) => {
      core.articles.get(articleId);
      return review.conflicts.list(articleId, !all);
    },
    resolveHandoffConflict: (input) => review.resolveConflict(input),
  };
}
