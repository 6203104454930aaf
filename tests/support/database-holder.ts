/**
 * Child process for the restore tests: opens the database as a host does (the
 * core) and keeps it open, like the app or `newsroom serve`, until killed. Each
 * line `create <headline>` on stdin creates an article and answers `created <id>`.
 *
 *     node --import tsx tests/support/database-holder.ts <db>
 */
import { createInterface } from 'node:readline';
import { createCore } from '../../src/main/core/core';

const [dbPath] = process.argv.slice(2);
if (!dbPath) {
  process.stderr.write('usage: database-holder <db>\n');
  process.exit(2);
}
const core = createCore({ databasePath: dbPath, host: 'browser' });
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const [verb, ...rest] = line.split(' ');
  if (verb === 'create') {
    const article = core.articles.create({ meta: { lengthTarget: {} } });
    core.articles.save({ id: article.meta.id, meta: { slug: rest.join('-') || 'bai' } });
    process.stdout.write(`created ${article.meta.id}\n`);
  }
}
