import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/** The outside judges the export tests call on every bundle. */

const REPO = join(import.meta.dirname, '..', '..');
const VNU_JAR = join(REPO, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
/** The ninjs schema sits in the shared standards folder beside the repository (CI has the same layout). */
export const NINJS_SCHEMA_PATH = join(REPO, '..', 'shared', 'standards', 'ninjs-schema_3.1.json');

export interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  message: string;
  lastLine?: number;
  extract?: string;
}

/**
 * Run the W3C Nu validator once over many files (the JVM start is the slow part).
 * vnu writes its JSON report to stderr.
 */
export function validateHtml(files: string[]): VnuMessage[] {
  const result = spawnSync('java', ['-jar', VNU_JAR, '--format', 'json', '--exit-zero-always', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return (JSON.parse(result.stderr) as { messages: VnuMessage[] }).messages;
}

/** An ajv validator for ninjs 3.1 (draft 2020-12); GeoJSON is registered as a plain object since exports write no geometry. */
export function ninjsValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' });
  return ajv.compile(JSON.parse(readFileSync(NINJS_SCHEMA_PATH, 'utf8')));
}
