import type { Core } from '../core';
import { backupIfDue, backupNow, dailyBackupPath, pruneBackups, type BackupInfo } from './index';

/**
 * The backups a running app takes, in both hosts: the day's backup right after the
 * database opens (at most one a day), and at quit a fresh copy of the day's state
 * over it, so the newest backup is never older than the last session.
 */
export function backupAfterOpen(core: Pick<Core, 'databasePath' | 'db'>, now = new Date()): Promise<BackupInfo | null> {
  return backupIfDue(core.databasePath, now, core.db);
}

export async function backupAtQuit(core: Pick<Core, 'databasePath' | 'db'>, now = new Date()): Promise<BackupInfo> {
  const info = await backupNow(core.db, dailyBackupPath(core.databasePath, now));
  pruneBackups(core.databasePath);
  return info;
}
