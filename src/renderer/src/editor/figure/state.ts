import { PluginKey } from 'prosemirror-state';
import type { DecorationSet } from 'prosemirror-view';

/** State of the figure plugin, kept apart so the plugin and the import code share it without a cycle. */
export interface FigurePluginState {
  /** The article's explicit lead image (null: default to the first figure). */
  featured: string | null;
  /** Uploads in flight: where their figures will go. */
  uploads: { id: number; pos: number; dom: HTMLElement }[];
  decorations: DecorationSet;
}

export type FigureAction =
  | { type: 'featured'; mediaId: string | null }
  | { type: 'upload-start'; id: number; pos: number; dom: HTMLElement }
  | { type: 'upload-end'; id: number };

export const figureKey = new PluginKey<FigurePluginState>('figure');

/** Spec of the lead figure's node decoration; the node view reads it. */
export interface LeadSpec {
  leadImage: true;
  /** True when the desk chose it, false when it is lead by default (first figure). */
  explicit: boolean;
}

