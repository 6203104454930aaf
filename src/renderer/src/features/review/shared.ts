import type { TFunction } from 'i18next';
import type { ApiClient } from '../../../../shared/api';
import type { Profile } from '../../../../shared/review/model';
import type { EditorController } from '../../editor/controller';
import { formatListTime } from '../../app/time';

/** What every section of the Review view receives. */
export interface SectionProps {
  client: ApiClient;
  articleId: string;
  editor: EditorController | null;
  me: Profile;
  /** Everyone known on this machine, by id (names and colours of authors). */
  people: ReadonlyMap<string, Profile>;
  notify(message: string): void;
  /** Save pending edits and reopen the article from the store after the document changed. */
  reloadArticle(): Promise<void>;
  /** Store pending edits and suggestions before the store is read (a package); false when they could not be. */
  saveEdits(): Promise<boolean>;
  /** Open another article (after receiving a new one). */
  openArticle(id: string): void;
  /** Leave the Review view and return to the editor. */
  close(): void;
  /** Bumped after any change, so sections reload what they show. */
  version: number;
  changed(): void;
  t: TFunction;
}

export function personName(people: ReadonlyMap<string, Profile>, id: string | null, t: TFunction): string {
  return (id && people.get(id)?.displayName) || t('review.unknownPerson');
}

export function personColor(people: ReadonlyMap<string, Profile>, id: string | null): string {
  return (id && people.get(id)?.color) || '#777777';
}

export const when = (iso: string) => formatListTime(iso);

/** Bytes → base64 without blowing the argument limit of String.fromCharCode. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
