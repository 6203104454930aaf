import { isAbsolute, resolve } from 'node:path';
import { ApiError } from '../../../shared/api';
import type { Handlers } from '../api/handlers';
import { BackupError, backupNow, dailyBackupPath } from '../backup';
import type { Core } from '../core';
import { mediaFilesCheck } from '../media/files-check';
import { DATABASE_CHECKS, repairSearchIndex, runChecks, SEARCH_INDEX_CHECK } from './check';

type MaintenanceHandlers = Pick<Handlers, 'checkDatabase' | 'backupDatabase'>;

/** The database check and backup calls of the API contract. */
export function createMaintenanceHandlers(core: Pick<Core, 'db' | 'databasePath'>): MaintenanceHandlers {
  return {
    checkDatabase: async ({ quick, repair }) => {
      const check = () => runChecks({ db: core.db, databasePath: core.databasePath, quick }, [...DATABASE_CHECKS, mediaFilesCheck]);
      // Report the database as found; only then, and only when asked, change anything.
      const results = await check();
      const searchBroken = results.some((r) => r.name === SEARCH_INDEX_CHECK && r.problems.length);
      const repaired = repair && searchBroken ? { searchIndex: repairSearchIndex(core.db) } : null;
      const after = repaired ? await check() : null;
      const ok = (after ?? results).every((r) => r.problems.length === 0);
      return { databasePath: core.databasePath, ok, results, repaired, after };
    },
    backupDatabase: async ({ file }) => {
      if (file !== undefined && !isAbsolute(file)) throw new ApiError('invalid_input', `backupDatabase: file must be an absolute path, not "${file.slice(0, 200)}".`);
      const target = file ?? dailyBackupPath(core.databasePath);
      if (resolve(target) === resolve(core.databasePath)) throw new ApiError('invalid_input', 'The backup cannot replace the database itself; choose another file.');
      try {
        return await backupNow(core.db, target);
      } catch (err) {
        if (err instanceof BackupError) throw new ApiError('storage', err.message);
        throw err;
      }
    },
  };
}
