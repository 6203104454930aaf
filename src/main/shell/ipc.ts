import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { callChannel } from '../../shared/bridge';
import { PAGE_CALL_NAMES, PATH_CALLS } from '../../shared/call-names';
import type { Core } from '../core/core';
import { isAppUrl } from './app-url';
import type { ChosenPaths } from './chosen-paths';

/**
 * One `ipcMain.handle` per call a page may make (host-only calls get no channel).
 * A call that reads a path takes only a path the user just chose in the shell's
 * own file chooser (`chosen`). Only frames showing our own app may call; the core
 * validates the input against the contract before any handler runs.
 */
export function registerIpc(core: Core, chosen: ChosenPaths): void {
  for (const name of PAGE_CALL_NAMES) {
    ipcMain.handle(callChannel(name), (event: IpcMainInvokeEvent, input: unknown) => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isAppUrl(frameUrl)) {
        return { ok: false, error: { code: 'forbidden', message: 'Calls are accepted only from the Newsroom window.' } };
      }
      if (PATH_CALLS.includes(name)) {
        const path = (input as { path?: unknown } | null)?.path;
        if (typeof path !== 'string' || !chosen.take(path)) {
          return { ok: false, error: { code: 'forbidden', message: 'Only a file chosen in the photo chooser can be imported by its path.' } };
        }
      }
      return core.call(name, input);
    });
  }
}
