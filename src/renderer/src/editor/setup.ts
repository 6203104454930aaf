import type { Plugin } from 'prosemirror-state';
import type { NodeViewConstructor } from 'prosemirror-view';
import { history } from 'prosemirror-history';
import { dropCursor } from 'prosemirror-dropcursor';
import { gapCursor } from 'prosemirror-gapcursor';
import { featurePlugins } from './plugins/index';
import { articleKeymaps } from './keymap';
import { placeholderPlugin, type PlaceholderTexts } from './placeholders';
import { nfcPlugin } from './nfc';
import type { EditorContext } from './context';

/**
 * The figure node view, once the photos engineer adds `figure/index.ts`
 * exporting `createFigureNodeView(context): NodeViewConstructor`. Picked up at
 * build time; until the file exists, figures render through the schema's `toDOM`.
 */
const figureModules = import.meta.glob<{
  createFigureNodeView?: (context: EditorContext) => NodeViewConstructor;
  createFigurePlugins?: (context: EditorContext) => Plugin[];
}>('./figure/index.ts', {
  eager: true,
});

export interface SetupOptions {
  context: EditorContext;
  placeholders: () => PlaceholderTexts;
  /** Mod-K or the toolbar asked for the link dialog. */
  requestLink: () => void;
  /** The suggest-mode shortcut was pressed. */
  toggleSuggesting: () => void;
  /** An edit was refused because suggest mode cannot record it. */
  suggestRefused: () => void;
}

/**
 * Every plugin of the article editor, in precedence order: feature plugins
 * (their keys win), then the article's own keymap, then history and cursors,
 * then the NFC guard and placeholders.
 */
export function buildPlugins(options: SetupOptions): Plugin[] {
  return [
    // Photos first: an image file pasted or dropped is theirs before the text paste handler sees it.
    ...Object.values(figureModules).flatMap((mod) => mod.createFigurePlugins?.(options.context) ?? []),
    ...featurePlugins(options.context, { toggleSuggesting: options.toggleSuggesting, suggestRefused: options.suggestRefused }),
    ...articleKeymaps({ requestLink: options.requestLink }),
    history({ newGroupDelay: 700 }),
    dropCursor({ color: 'var(--accent)', width: 2 }),
    gapCursor(),
    nfcPlugin(),
    placeholderPlugin(options.placeholders),
  ];
}

/** Node views by node type name. */
export function buildNodeViews(context: EditorContext): Record<string, NodeViewConstructor> {
  const views: Record<string, NodeViewConstructor> = {};
  for (const mod of Object.values(figureModules)) if (mod.createFigureNodeView) views.figure = mod.createFigureNodeView(context);
  return views;
}
