/**
 * The desk's house-style rules file, kept beside the database as
 * `house-style.json` (readable, diffable, and copied by backups of the folder).
 * Until the desk saves one, the shipped defaults apply.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ApiError } from '../../../shared/api';
import { DEFAULT_RULES } from '../../../shared/proofing/rules/default-rules';
import { loadRules, nfcRulesFile, type LoadedRules, type RulesFile } from '../../../shared/proofing/rules/schema';
import { writeFileDurably } from '../durable-write';
import type { Core } from '../core';
import { toIsoWithOffset } from '../../../shared/dates';
import { DictionaryWord } from '../../../shared/proofing/dictionary';

export const rulesPathFor = (databasePath: string) => join(dirname(databasePath), 'house-style.json');

export interface RulesState {
  file: RulesFile;
  loaded: LoadedRules;
}

/** Read the desk's rules, or the defaults when there is no file; a damaged file is an error sentence, never silently the defaults. */
export function readRules(databasePath: string): RulesState {
  const path = rulesPathFor(databasePath);
  if (!existsSync(path)) return { file: DEFAULT_RULES, loaded: loadRules(DEFAULT_RULES) };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ApiError('storage', `The house-style rules file ${path} cannot be read: ${(err as Error).message}`);
  }
  try {
    return { file: json as RulesFile, loaded: loadRules(json) };
  } catch (err) {
    throw new ApiError('storage', `${(err as Error).message} (${path})`);
  }
}

/** Save a new version of the rules; refused when another save came first. */
export function writeRules(databasePath: string, file: RulesFile, baseVersion: number): RulesState {
  const current = readRules(databasePath);
  if (current.file.version !== baseVersion) throw new ApiError('conflict', `The rules were changed elsewhere (version ${current.file.version}); reopen them and apply your edit again.`);
  const next = nfcRulesFile({ ...file, version: baseVersion + 1 });
  let loaded: LoadedRules;
  try {
    loaded = loadRules(next);
  } catch (err) {
    throw new ApiError('invalid_input', (err as Error).message);
  }
  writeFileDurably(rulesPathFor(databasePath), new TextEncoder().encode(JSON.stringify(next, null, 2) + '\n'));
  return { file: next, loaded };
}

/**
 * A rules file saved before the newsroom dictionary moved into the store still
 * lists it: its entries join the store's dictionary (kind "word") and the file is
 * saved without them, once. A damaged file is left alone (checks report it).
 */
export function moveLegacyDictionary(core: Core): void {
  const path = rulesPathFor(core.databasePath);
  if (!existsSync(path)) return;
  let file: RulesFile;
  try {
    file = readRules(core.databasePath).file;
  } catch {
    return;
  }
  if (!file.dictionary) return;
  const insert = core.db.prepare("INSERT OR IGNORE INTO newsroom_words (word, kind, added_by, added_at) VALUES (?, 'word', NULL, ?)");
  const at = toIsoWithOffset(new Date());
  core.db.transaction(() => {
    for (const raw of file.dictionary ?? []) {
      const word = DictionaryWord.safeParse(raw);
      if (word.success) insert.run(word.data, at);
    }
  })();
  const { dictionary: _moved, ...rest } = file;
  writeFileDurably(path, new TextEncoder().encode(JSON.stringify(rest, null, 2) + '\n'));
}
