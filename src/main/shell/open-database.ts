import { dialog } from 'electron';
import { createCore, type Core } from '../core/core';
import { DamagedDatabaseError, DatabaseOpenError } from '../core/db/errors';
import { newestBackup, restoreBackup } from '../core/backup';

/**
 * Open the core. When the database is damaged and a backup exists, offer to restore
 * it (the damaged file is kept aside, never deleted); otherwise explain and give up.
 * Returns null when the app should quit.
 */
export async function openCoreWithRecovery(databasePath: string, vietnamese: boolean): Promise<Core | null> {
  try {
    return createCore({ databasePath, host: 'electron' });
  } catch (err) {
    const message = err instanceof DatabaseOpenError ? err.message : `${databasePath}: ${(err as Error).message}`;
    const backup = err instanceof DamagedDatabaseError ? newestBackup(databasePath) : null;
    if (!backup) {
      dialog.showErrorBox('Newsroom', message);
      return null;
    }
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: 'Newsroom',
      message: vietnamese ? 'Không mở được cơ sở dữ liệu' : 'The database cannot be opened',
      detail: `${message}\n\n${vietnamese ? 'Bản sao lưu mới nhất' : 'Newest backup'}: ${backup}`,
      buttons: vietnamese ? ['Khôi phục từ bản sao lưu', 'Thoát'] : ['Restore from backup', 'Quit'],
      defaultId: 0,
      cancelId: 1,
    });
    if (response !== 0) return null;
    try {
      const { keptAside } = restoreBackup(backup, databasePath);
      if (keptAside) {
        await dialog.showMessageBox({
          type: 'info',
          message: vietnamese ? 'Đã khôi phục' : 'Restored',
          detail: (vietnamese ? 'Tệp hỏng được giữ lại ở: ' : 'The damaged file was kept at: ') + keptAside,
        });
      }
      return createCore({ databasePath, host: 'electron' });
    } catch (restoreErr) {
      dialog.showErrorBox('Newsroom', (restoreErr as Error).message);
      return null;
    }
  }
}
