import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_CHANNEL, type MenuCommand } from '../../shared/bridge';
import { commandShortcut, toAccelerator } from '../../shared/menu-commands';

/**
 * Menu labels in the UI language; Vietnamese when the system locale is Vietnamese.
 * Command labels read as in the page's own menus (tests/unit/shell.test.ts checks
 * them against the renderer's strings, which the shell may not import).
 */
const LABELS = {
  vi: {
    file: 'Tệp',
    edit: 'Sửa',
    insert: 'Chèn',
    view: 'Xem',
    tools: 'Công cụ',
    help: 'Trợ giúp',
    commands: {
      'new-article': 'Bài mới',
      save: 'Lưu ngay',
      import: 'Nhập bài…',
      'open-package': 'Mở gói bài…',
      'send-review': 'Tạo gói gửi biên tập',
      'send-desk': 'Tạo gói gửi thư ký toà soạn',
      export: 'Xuất bài…',
      find: 'Tìm và thay thế',
      'suggest-mode': 'Chế độ gợi ý sửa',
      'insert-photo': 'Chèn ảnh…',
      'toggle-details': 'Hiện/ẩn thông tin bài',
      'review-pane': 'Ngăn góp ý',
      comment: 'Bình luận về đoạn đang chọn',
      review: 'Duyệt bài và trao đổi…',
      'proofing-panel': 'Bảng soát lỗi',
      'proofing-rules': 'Quy định văn phong…',
      'zoom-in': 'Phóng to',
      'zoom-out': 'Thu nhỏ',
      'zoom-reset': 'Cỡ thường (100%)',
      'command-palette': 'Bảng lệnh…',
      'keyboard-help': 'Phím tắt',
      about: 'Giới thiệu Newsroom',
      'new-from-template': 'Tạo bài theo mẫu…',
      recent: 'Bài mở gần đây…',
      print: 'In bài…',
      'export-pdf': 'Xuất PDF…',
      'export-word': 'Xuất Word…',
      templates: 'Mẫu bài…',
    },
  },
  en: {
    file: 'File',
    edit: 'Edit',
    insert: 'Insert',
    view: 'View',
    tools: 'Tools',
    help: 'Help',
    commands: {
      'new-article': 'New article',
      save: 'Save now',
      import: 'Import…',
      'open-package': 'Open package…',
      'send-review': 'Package for review',
      'send-desk': 'Package for the desk',
      export: 'Export…',
      find: 'Find and replace',
      'suggest-mode': 'Suggest mode',
      'insert-photo': 'Insert photo…',
      'toggle-details': 'Show/hide article details',
      'review-pane': 'Review pane',
      comment: 'Comment on the selected text',
      review: 'Review and handoff…',
      'proofing-panel': 'Proofing panel',
      'proofing-rules': 'House style rules…',
      'zoom-in': 'Zoom in',
      'zoom-out': 'Zoom out',
      'zoom-reset': 'Actual size (100%)',
      'command-palette': 'Command palette…',
      'keyboard-help': 'Keyboard shortcuts',
      about: 'About Newsroom',
      'new-from-template': 'New from template…',
      recent: 'Recent articles…',
      print: 'Print…',
      'export-pdf': 'Export PDF…',
      'export-word': 'Export Word…',
      templates: 'Templates…',
    },
  },
} satisfies Record<string, { commands: Record<MenuCommand, string> } & Record<string, unknown>>;

/** The menu labels for a system locale. */
export function menuLabels(locale: string): (typeof LABELS)['en'] {
  return locale.toLowerCase().startsWith('vi') ? LABELS.vi : LABELS.en;
}

/**
 * The application menu: platform Edit roles (undo, redo, cut, copy, paste, select
 * all) with their native shortcuts, plus the page's commands, sent to it by name
 * with the same shortcuts as its own menu bar (from shared/menu-commands).
 */
export function menuTemplate(send: (command: MenuCommand) => void, locale: string, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  const l = menuLabels(locale);
  const isMac = platform === 'darwin';
  const command = (name: MenuCommand): MenuItemConstructorOptions => {
    const shortcut = commandShortcut(name);
    return { label: l.commands[name], ...(shortcut ? { accelerator: toAccelerator(shortcut) } : {}), click: () => send(name) };
  };
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: l.file,
      submenu: [
        command('new-article'),
        command('new-from-template'),
        command('recent'),
        command('save'),
        { type: 'separator' },
        command('import'),
        command('open-package'),
        command('send-review'),
        command('send-desk'),
        command('export'),
        command('export-word'),
        command('export-pdf'),
        command('print'),
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
        command('find'),
        command('suggest-mode'),
      ],
    },
    { label: l.insert, submenu: [command('insert-photo'), command('comment')] },
    {
      label: l.view,
      // Zoom is the page's own (CSS zoom, remembered with its settings), not the window's zoom roles.
      submenu: [command('toggle-details'), command('review-pane'), command('proofing-panel'), { type: 'separator' }, command('zoom-in'), command('zoom-out'), command('zoom-reset'), { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { label: l.tools, submenu: [command('review'), command('proofing-rules'), command('templates')] },
    { role: 'windowMenu' },
    { label: l.help, submenu: [command('keyboard-help'), command('command-palette'), { type: 'separator' }, command('about')] },
  ];
}

export function installMenu(getWindow: () => BrowserWindow | null, locale: string): void {
  const send = (command: MenuCommand) => getWindow()?.webContents.send(MENU_CHANNEL, command);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(send, locale)));
}
