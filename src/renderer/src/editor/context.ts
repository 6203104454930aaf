import type { TFunction } from 'i18next';
import type { Plugin } from 'prosemirror-state';
import type { ApiClient } from '../../../shared/api';
import type { LengthTargetSource } from './plugins/counts/counts-bar';
import type { ProofingSettingsSource } from './plugins/proofing/checker';

/** What plugins and node views may read from the app when the editor is built. */
export interface EditorContext {
  /** Translate a UI string (placeholders, tooltips) in the current UI language. */
  t: TFunction;
  /** Id of the article being edited, for plugins that store things per article (recovery, media). */
  articleId: string;
  /** The typed API client (media, recovery, …). */
  client: ApiClient;
  /** Save pending edits of the article now (suggest mode stores its suggestions against the saved text). */
  saveNow?: () => Promise<void>;
  /** The article's length target as the app holds it (the counts line); house defaults without it. */
  lengthTarget?: LengthTargetSource;
  /** The article's language and agency tag for proofing; Vietnamese, no tag without it. */
  proofingSettings?: ProofingSettingsSource;
  /** May the article's text change now? False leaves an edit undone (the user declined reopening an approved article). */
  allowEdit?: () => boolean;
  /**
   * Plugins the app's features add (the review highlights), placed after the editor's
   * own feature plugins. They come in here because the editor never imports from
   * `app/` or `features/`.
   */
  featurePlugins?: Plugin[];
  /** Tell the app's review views that this article's records changed (suggest mode stored some). */
  reviewChanged?: () => void;
}
