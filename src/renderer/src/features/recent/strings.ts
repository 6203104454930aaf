/** Strings of File → Recent, spread into `i18n/vi.ts` and `i18n/en.ts` as the `recent` group. */
export const recentVi = {
  menu: 'Bài mở gần đây…',
  title: 'Bài mở gần đây',
  intro: 'Mười bài mở gần nhất trên máy này, bài mới nhất trước.',
  empty: 'Chưa mở bài nào trên cơ sở dữ liệu này.',
  untitled: '(chưa có tít)',
  gone: 'Không mở được bài này nữa: có thể nó đã bị xoá.',
};

export const recentEn: typeof recentVi = {
  menu: 'Recent articles…',
  title: 'Recent articles',
  intro: 'The last ten articles opened on this machine, newest first.',
  empty: 'No article has been opened in this database yet.',
  untitled: '(no headline yet)',
  gone: 'This article cannot be opened any more: it may have been deleted.',
};
