import { all, type DomDocument } from './dom';
import { MARK } from './html-blocks';

/**
 * Count the tables and their rows for the report, and mark every cell (each of its
 * paragraphs, since the sanitiser may keep them apart) so that the
 * paragraphs the shared sanitiser flattens them into are never taken for the
 * headline, the lead, a caption or the byline. The flattening itself is the
 * sanitiser's (one paragraph per row, cells joined with " | ").
 */
export function markTables(document: DomDocument): { tables: number; rows: number } {
  const tables = all(document, 'table').filter((t) => !t.parentElement?.closest('table'));
  let rows = 0;
  for (const table of tables) rows += all(table, 'tr').filter((tr) => tr.closest('table') === table).length;
  for (const cell of all(document, 'td, th')) {
    const paragraphs = all(cell, 'p').filter((p) => p.closest('td, th') === cell);
    for (const block of paragraphs.length ? paragraphs : [cell]) {
      // An empty cell stays empty, so the sanitiser still leaves it out of its row.
      if ((block.textContent ?? '').trim()) block.insertBefore(document.createTextNode(MARK.tableCell), block.firstChild);
    }
  }
  return { tables: tables.length, rows };
}
