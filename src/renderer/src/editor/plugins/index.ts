import { keymap } from 'prosemirror-keymap';
import { chainCommands } from 'prosemirror-commands';
import type { Plugin } from 'prosemirror-state';
import type { EditorContext } from '../context';
import { historyBoundaryPlugin } from './history-boundary';
import { editGuardPlugin } from './edit-guard';
import { smartPunctuationPlugin, undoInputRule } from './smart-punctuation';
import { captionToCredit, creditToCaption } from './caption-navigation';
import { pastePlugin } from './paste/paste-plugin';
import { pasteNoticeText } from './paste/notice-text';
import { findStatePlugin, openFind, closeFind } from './find/find-plugin';
import { findPanelPlugin } from './find/find-panel';
import { countsPlugin } from './counts/counts-bar';
import { recoveryPlugin } from './recovery/recovery-plugin';
import { RecoveryJournal } from './recovery/journal';
import { suggestPlugin } from './suggest/suggest-state';
import { COMMAND_SHORTCUTS } from '../../../../shared/menu-commands';
import { proofingPlugins } from './proofing';

export { openFind, closeFind } from './find/find-plugin';

/** Shortcuts added by the feature plugins, for menus, tooltips and the README. */
export const FEATURE_SHORTCUTS = {
  find: COMMAND_SHORTCUTS.find,
  suggestMode: COMMAND_SHORTCUTS['suggest-mode'],
  captionToCredit: 'Tab',
  creditToCaption: 'Shift-Tab',
  undoInputRule: 'Backspace',
} as const;

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** In-memory stand-in when localStorage is unavailable: recovery then only covers this session. */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
}

/**
 * Feature plugins of the editor: smart punctuation, paste, find and replace,
 * counts with length targets, the recovery journal, caption/credit navigation
 * and undo grouping. `setup.ts` places them before the base keymap, so these
 * key bindings win over the defaults. IME safety: none of them dispatches while
 * `view.composing` (input rules wait for compositionend; views check it).
 */
export function featurePlugins(context: EditorContext, suggest: { toggleSuggesting: () => void; suggestRefused: () => void }): Plugin[] {
  const { t, client, articleId } = context;
  const tt = (key: string, options?: Record<string, unknown>) => t(`editorTools.${key}`, options ?? {});
  const journal = new RecoveryJournal(browserStorage() ?? memoryStorage());
  return [
    ...(context.allowEdit ? [editGuardPlugin(context.allowEdit)] : []),
    suggestPlugin(suggest.suggestRefused),
    keymap({
      [FEATURE_SHORTCUTS.suggestMode]: () => {
        suggest.toggleSuggesting();
        return true;
      },
      [FEATURE_SHORTCUTS.find]: openFind,
      Escape: closeFind,
      Tab: captionToCredit,
      'Shift-Tab': creditToCaption,
      Backspace: chainCommands(undoInputRule),
    }),
    historyBoundaryPlugin(),
    smartPunctuationPlugin(),
    pastePlugin(() => ({
      pasting: (percent) => tt('pasting', { percent }),
      changes: (counts) => pasteNoticeText(counts, tt),
      close: tt('close'),
    })),
    findStatePlugin(),
    findPanelPlugin(() => ({
      label: tt('findLabel'),
      find: tt('find'),
      replaceWith: tt('replaceWith'),
      ignoreMarks: tt('ignoreMarks'),
      previous: tt('previous'),
      next: tt('next'),
      replace: tt('replace'),
      replaceAll: tt('replaceAll'),
      close: tt('close'),
      count: (current, total) => (current > 0 ? tt('matchOf', { current, total }) : tt('matches', { count: total })),
      noMatches: tt('noMatches'),
      replaced: (count) => tt('replaced', { count }),
    })),
    countsPlugin({
      texts: () => ({
        label: tt('countsLabel'),
        headline: tt('headline'),
        lead: tt('lead'),
        body: tt('body'),
        captions: tt('captions'),
        total: tt('total'),
        selection: tt('selection'),
        words: (count) => tt('words', { count }),
        characters: (count) => tt('characters', { count }),
        ofLimit: (count, limit) => tt('ofLimit', { count, limit }),
        range: (min, max) => tt('range', { min, max }),
        over: tt('over'),
        under: tt('under'),
        locale: document.documentElement.lang === 'en' ? 'en-GB' : 'vi-VN',
      }),
      target: context.lengthTarget ?? { get: () => undefined, subscribe: () => () => undefined },
    }),
    recoveryPlugin({
      articleId,
      journal,
      loadArticle: () => client.getArticle({ id: articleId }),
      texts: () => ({ restored: tt('restored'), conflict: tt('conflict'), restoreLocal: tt('restoreLocal'), storageFull: tt('storageFull'), close: tt('close') }),
    }),
    ...(context.featurePlugins ?? []),
    ...proofingPlugins({
      client,
      articleId,
      settings: context.proofingSettings ?? { get: () => undefined, subscribe: () => () => undefined },
      texts: () => ({
        language: document.documentElement.lang === 'en' ? 'en' : 'vi',
        popoverLabel: t('proofing.popoverLabel'),
        remove: t('proofing.remove'),
        noSuggestion: t('proofing.noSuggestion'),
        fixAllOfRule: (count) => t('proofing.fixAllOfRule', { count }),
        ignoreOnce: t('proofing.ignoreOnce'),
        ignoreInArticle: t('proofing.ignoreInArticle'),
        addToDictionary: t('proofing.addToDictionary'),
        panelTitle: t('proofing.panelTitle'),
        spelling: (count) => t('proofing.spelling', { count }),
        style: (count) => t('proofing.style', { count }),
        filter: t('proofing.filter'),
        filterAll: t('proofing.filterAll'),
        filterSpelling: t('proofing.filterSpelling'),
        filterStyle: t('proofing.filterStyle'),
        filterErrors: t('proofing.filterErrors'),
        applySafe: (count) => t('proofing.applySafe', { count }),
        none: t('proofing.none'),
        close: t('proofing.close'),
      }),
    }),
  ];
}
