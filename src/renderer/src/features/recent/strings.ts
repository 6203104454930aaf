/** Strings of File → Recent, spread into `i18n/vi.ts` and `i18n/en.ts` as the `recent` group. */
export const recentVi = {
  menu: 'Bài mở gần đây…',
  title: 'Bài mở gần đây',
  intro: 'Mười bài mở gần nhất trên máy này, bài mới nhất trước.',
  empty: 'Chưa mở bài nào trên cơ sở dữ liệu này.',
  untitled: '(chưa có tít)',
  gone: 'Bài đã bị xoá hoặc chuyển vào thùng rác.',
};

export const recentEn: typeof recentVi = {
  menu: 'Recent articles…',
  title: 'Recent articles',
  intro: 'The last ten articles opened on this machine, newest first.',
  empty: 'No article has been opened in this database yet.',
  untitled: '(no headline yet)',
  gone: 'This article was deleted or moved to the bin.',
};
