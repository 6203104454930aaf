/**
 * Child process for the crash test: saves an article in a loop and acknowledges
 * each completed save on stdout (`ack N`), until it is killed.
 *
 *     node --import tsx tests/support/crash-writer.ts <db> <article-id> <first-n>
 *
 * Save N puts the marker `lần-N` in the body; every seventh save is explicit (a
 * revision) and the search index is flushed after each save, so kills land in
 * every kind of write.
 */
import { openDatabase } from '../../src/main/core/db/open';
import { ArticleRepository } from '../../src/main/core/store/articles';
import { crashDocument } from './crash-doc';

const [dbPath, articleId, first] = process.argv.slice(2);
if (!dbPath || !articleId || !first) {
  process.stderr.write('usage: crash-writer <db> <article-id> <first-n>\n');
  process.exit(2);
}
const db = openDatabase(dbPath);
const repo = new ArticleRepository(db, { author: () => 'crash-writer' });
process.stdout.write('ready\n');
for (let n = Number(first); ; n++) {
  repo.save({ id: articleId, document: crashDocument(n), reason: n % 7 === 0 ? 'save' : 'autosave' });
  // Pipes are synchronous on Linux: once this returns, the parent can read the ack.
  process.stdout.write(`ack ${n}\n`);
  repo.search.cancelScheduled();
  repo.search.flush();
}
