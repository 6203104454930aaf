import i18next from 'i18next';
import type { Feature, FeatureContext } from '../index';
import { reasonFor } from '../../api/error-text';
import { sendPackage, type PackagePurpose } from './send-package';

function sendFeature(id: 'send-review' | 'send-desk', purpose: PackagePurpose, labelKey: string): Feature {
  return {
    id,
    menu: 'file',
    labelKey,
    needsArticle: true,
    run: ({ client, articleId, saveEdits, notify }: FeatureContext) => {
      if (!articleId) return;
      const t = i18next.t.bind(i18next);
      sendPackage({ client, articleId, saveEdits }, purpose, t).then(notify, (err: unknown) => notify(reasonFor(err, t)));
    },
  };
}

/** File → "Package for review": the open article as a `.newsroom` file for an editor. */
export const sendForReviewFeature = sendFeature('send-review', 'review', 'review.handoff.menuReview');
/** File → "Package for the desk". */
export const sendToDeskFeature = sendFeature('send-desk', 'desk', 'review.handoff.menuDesk');
