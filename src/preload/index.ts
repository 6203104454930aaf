import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CallName } from '../shared/api';
import { PAGE_CALL_NAMES } from '../shared/call-names';
import { callChannel, CHOOSE_FOLDER_CHANNEL, CHOOSE_IMAGES_CHANNEL, EXPORT_PDF_CHANNEL, MENU_CHANNEL, MENU_COMMANDS, OPEN_FILE_CHANNEL, type ChosenFile, type MenuCommand, type NewsroomBridge, type OpenedFile } from '../shared/bridge';

// One function per call, each bound to its own channel: the page never sees
// ipcRenderer, channel names or event objects.
const api = Object.fromEntries(
  PAGE_CALL_NAMES.map((name: CallName) => [name, (input: unknown) => ipcRenderer.invoke(callChannel(name), input)]),
) as NewsroomBridge['api'];

// Files the system asks the app to open can arrive before the page has subscribed
// (a double-clicked package starts the app): they wait here until it does.
const openedFiles: OpenedFile[] = [];
let openFileListener: ((file: OpenedFile) => void) | null = null;
ipcRenderer.on(OPEN_FILE_CHANNEL, (_event: IpcRendererEvent, file: unknown) => {
  const f = file as { name?: unknown; data?: unknown; problem?: unknown } | null;
  if (typeof f?.name !== 'string') return;
  const opened: OpenedFile | null =
    f.data instanceof Uint8Array ? { name: f.name, data: f.data } : f.problem === 'missing' || f.problem === 'too-large' ? { name: f.name, problem: f.problem } : null;
  if (!opened) return;
  if (openFileListener) openFileListener(opened);
  else openedFiles.push(opened);
});

const bridge: NewsroomBridge = {
  host: 'electron',
  api,
  onMenuCommand(listener) {
    const handler = (_event: IpcRendererEvent, command: unknown) => {
      if (typeof command === 'string' && (MENU_COMMANDS as readonly string[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(MENU_CHANNEL, handler);
    return () => ipcRenderer.removeListener(MENU_CHANNEL, handler);
  },
  chooseFolder: async (request) => {
    const chosen: unknown = await ipcRenderer.invoke(CHOOSE_FOLDER_CHANNEL, { title: String(request?.title ?? '') });
    return typeof chosen === 'string' ? chosen : null;
  },
  chooseImageFiles: async (request) => {
    const chosen: unknown = await ipcRenderer.invoke(CHOOSE_IMAGES_CHANNEL, { title: String(request?.title ?? '') });
    if (!Array.isArray(chosen)) return [];
    return chosen.filter((f): f is ChosenFile => typeof f?.name === 'string' && typeof f?.path === 'string');
  },
  onOpenFile(listener) {
    openFileListener = listener;
    for (const file of openedFiles.splice(0)) listener(file);
    return () => {
      if (openFileListener === listener) openFileListener = null;
    };
  },
  exportPdf: async (request) => {
    const saved: unknown = await ipcRenderer.invoke(EXPORT_PDF_CHANNEL, { title: String(request?.title ?? ''), fileName: String(request?.fileName ?? '') });
    return typeof saved === 'string' ? saved : null;
  },
};

contextBridge.exposeInMainWorld('newsroom', bridge);
