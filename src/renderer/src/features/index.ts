import type { ComponentType } from 'react';
import type { ApiClient } from '../../../shared/api';
import type { EditorController } from '../editor/controller';
import { exportFeature } from './export/feature';
import { importFeature } from './import/feature';
import { insertPhotoFeature } from './photos/feature';
import { reviewFeature } from './review/feature';
import { openPackageFeature } from './review/open-package-feature';
import type { ReceivedPackages } from './review/received-packages';
import { sendForReviewFeature, sendToDeskFeature } from './review/send-feature';
import { proofingPanelFeature, proofingRulesFeature } from './proofing/feature';
import { newFromTemplateFeature, templatesFeature } from './templates/feature';
import { recentFeature } from './recent/feature';
import { exportPdfFeature, printFeature } from './print/feature';
import { wordExportFeature } from './word-export/feature';

/**
 * Feature screens (export view, import review, …) and their menu entries.
 *
 * To add yours: build it in `features/<name>/`, export a {@link Feature}, and
 * append ONE line to {@link FEATURES} below. The app then lists it in the menu
 * you name and shows its `view` in place of the editor (Escape or "Back to the
 * article" closes it). Labels are i18n keys: add them to `i18n/vi.ts` and
 * `i18n/en.ts` under a group of your own.
 */
export interface Feature {
  /** Unique id, also used by the Electron menu commands ('import', 'export', 'find'). */
  id: string;
  /** Which menu lists the entry. */
  menu: 'file' | 'edit' | 'insert' | 'view' | 'tools';
  /** i18n key of the menu label, e.g. 'exportView.menu'. */
  labelKey: string;
  /** Shortcut in ProseMirror key notation ('Mod-Shift-e'); shown in the menu and bound app-wide. */
  shortcut?: string;
  /** Needs an open article (disabled otherwise). */
  needsArticle?: boolean;
  /** A full view shown in place of the editor… */
  view?: ComponentType<FeatureViewProps>;
  /** …or an action run directly from the menu. */
  run?: (context: FeatureContext) => void;
}

/** What a feature receives from the app. */
export interface FeatureContext {
  client: ApiClient;
  /** The open article, if any. */
  articleId: string | null;
  /** The open article's editor, if any (read state, run commands). */
  editor: EditorController | null;
  /** Open an article in the editor (closes the feature view). */
  openArticle(id: string): void;
  /** Save pending edits and reopen the article from the store, keeping this view (after a feature changed the article). */
  reloadArticle(id: string): Promise<void>;
  /**
   * Store the open article's pending edits (and suggestions being typed) now, before
   * a feature reads it from the store; false when they could not be stored.
   */
  saveEdits(): Promise<boolean>;
  /** Show a short message at the bottom of the window. */
  notify(message: string): void;
}

export interface FeatureViewProps extends FeatureContext {
  /** Close this view and return to the editor. */
  close(): void;
  /** Packages the system handed the app, waiting to be opened (read by File → Open package). */
  received?: ReceivedPackages;
}

export const FEATURES: Feature[] = [
  insertPhotoFeature,
  exportFeature,
  reviewFeature,
  importFeature,
  openPackageFeature,
  sendForReviewFeature,
  sendToDeskFeature,
  proofingPanelFeature,
  proofingRulesFeature,
  newFromTemplateFeature,
  recentFeature,
  wordExportFeature,
  exportPdfFeature,
  printFeature,
  templatesFeature,
  // One line per feature, e.g.:  exportFeature,
];
