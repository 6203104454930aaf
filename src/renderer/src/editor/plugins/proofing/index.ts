/**
 * Proofing in the editor: underlines from a Web Worker, the popover (click or
 * Alt+Enter) and the Proofing panel (F7). See `src/shared/proofing/` for the checks.
 */
import { keymap } from 'prosemirror-keymap';
import { Plugin } from 'prosemirror-state';
import type { ApiClient } from '../../../../../shared/api';
import { ProofingChecker, type ProofingSettingsSource } from './checker';
import { applyChosen, closePopover, findingsOf, moveChoice, openAtCursor } from './commands';
import { ProofingPanel } from './panel';
import { ProofingPopover } from './popover';
import { proofingKey, proofingStatePlugin, type ProofingMeta } from './proofing-state';
import type { ProofingTexts } from './texts';
import './proofing.css';

export { toggleProofingPanel } from './commands';
export { announceRulesSaved } from './rules-events';
export type { ProofingTexts } from './texts';

/** The panel's F7 is the menu command's shortcut (`proofing-panel`), bound app-wide. */
export const PROOFING_SHORTCUTS = { popover: 'Alt-Enter' } as const;

export interface ProofingPluginOptions {
  client: ApiClient;
  articleId: string;
  settings: ProofingSettingsSource;
  texts: () => ProofingTexts;
}

export function proofingPlugins(options: ProofingPluginOptions): Plugin[] {
  let checker: ProofingChecker | null = null;
  return [
    proofingStatePlugin(),
    keymap({ [PROOFING_SHORTCUTS.popover]: openAtCursor }),
    new Plugin({
      props: {
        handleKeyDown(view, event) {
          if (view.composing || !proofingKey.getState(view.state)?.open) return false;
          if (event.key === 'Enter' && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey) return applyChosen(view.state, view.dispatch);
          if (event.key === 'Escape') return closePopover(view.state, view.dispatch);
          if (event.key === 'ArrowDown') return moveChoice(1)(view.state, view.dispatch);
          if (event.key === 'ArrowUp') return moveChoice(-1)(view.state, view.dispatch);
          return false;
        },
        handleClick(view, pos) {
          const finding = findingsOf(view.state).find((f) => f.from <= pos && pos <= f.to);
          if (!finding && !proofingKey.getState(view.state)?.open) return false;
          view.dispatch(view.state.tr.setMeta(proofingKey, { type: 'open', key: finding?.key ?? null } satisfies ProofingMeta));
          return false;
        },
      },
      view: (view) => (checker = new ProofingChecker(view, { client: options.client, articleId: options.articleId, settings: options.settings })),
    }),
    new Plugin({ view: (view) => new ProofingPopover(view, options.texts, options.articleId, () => checker) }),
    new Plugin({ view: (view) => new ProofingPanel(view, options.texts) }),
  ];
}
