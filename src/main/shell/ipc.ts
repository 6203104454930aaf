import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { callChannel } from '../../shared/bridge';
import { PAGE_CALL_NAMES } from '../../shared/call-names';
import type { Core } from '../core/core';
import { isAppUrl } from './app-url';

/**
 * One `ipcMain.handle` per call a page may make (host-only calls get no channel). Only frames showing our own app may call;
 * the core validates the input against the contract before any handler runs.
 */
export function registerIpc(core: Core): void {
  for (const name of PAGE_CALL_NAMES) {
    ipcMain.handle(callChannel(name), (event: IpcMainInvokeEvent, input: unknown) => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isAppUrl(frameUrl)) {
        return { ok: false, error: { code: 'forbidden', message: 'Calls are accepted only from the Newsroom window.' } };
      }
      return core.call(name, input);
    });
  }
}
