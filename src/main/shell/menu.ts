import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_CHANNEL, type MenuCommand } from '../../shared/bridge';

/** Menu labels in the UI language; Vietnamese when the system locale is Vietnamese. */
const LABELS = {
  vi: { file: 'Tệp', newArticle: 'Bài mới', save: 'Lưu', import: 'Nhập…', export: 'Xuất bản…', edit: 'Sửa', find: 'Tìm và thay thế…', view: 'Xem', details: 'Thông tin bài', help: 'Trợ giúp', about: 'Giới thiệu Newsroom' },
  en: { file: 'File', newArticle: 'New Article', save: 'Save', import: 'Import…', export: 'Export…', edit: 'Edit', find: 'Find and Replace…', view: 'View', details: 'Article Details', help: 'Help', about: 'About Newsroom' },
};

/**
 * The standard application menu: platform Edit roles (undo, redo, cut, copy,
 * paste, select all) with their native shortcuts, plus our commands, which are
 * sent to the page by name.
 */
export function installMenu(getWindow: () => BrowserWindow | null, locale: string): void {
  const l = locale.toLowerCase().startsWith('vi') ? LABELS.vi : LABELS.en;
  const send = (command: MenuCommand) => () => getWindow()?.webContents.send(MENU_CHANNEL, command);
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: l.file,
      submenu: [
        { label: l.newArticle, accelerator: 'CmdOrCtrl+N', click: send('new-article') },
        { label: l.save, accelerator: 'CmdOrCtrl+S', click: send('save') },
        { type: 'separator' },
        { label: l.import, accelerator: 'CmdOrCtrl+O', click: send('import') },
        { label: l.export, accelerator: 'CmdOrCtrl+E', click: send('export') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: l.edit,
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: l.find, accelerator: 'CmdOrCtrl+F', click: send('find') },
      ],
    },
    {
      label: l.view,
      submenu: [
        { label: l.details, accelerator: 'CmdOrCtrl+Shift+I', click: send('toggle-details') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { label: l.help, submenu: [{ label: l.about, click: send('about') }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
