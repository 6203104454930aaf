import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CALL_NAMES } from '../../shared/api';
import { callChannel } from '../../shared/bridge';
import type { Core } from '../core/core';
import { isAppUrl } from './app-url';

/**
 * One `ipcMain.handle` per API call. Only frames showing our own app may call;
 * the core validates the input against the contract before any handler runs.
 */
export function registerIpc(core: Core): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(callChannel(name), (event: IpcMainInvokeEvent, input: unknown) => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isAppUrl(frameUrl)) {
        return { ok: false, error: { code: 'forbidden', message: 'Calls are accepted only from the Newsroom window.' } };
      }
      return core.call(name, input);
    });
  }
}
