/** Strings of File → Export Word, spread into `i18n/vi.ts` and `i18n/en.ts` as the `wordExport` group. */
export const wordExportVi = {
  menu: 'Xuất Word…',
  title: 'Xuất bài ra tệp Word',
  intro: 'Tệp .docx cho nguồn tin, luật sư và người ngoài toà soạn: tít, sapo, nội dung, ảnh kèm chú thích và tác giả. Tệp mang tên theo đường dẫn bài (slug).',
  folder: 'Thư mục lưu tệp',
  folderHint: 'Đường dẫn đầy đủ trên máy này, ví dụ /home/toasoan/gui-luat-su.',
  chooseFolder: 'Chọn thư mục…',
  chooseFolderTitle: 'Chọn thư mục để lưu tệp Word',
  export: 'Xuất tệp Word',
  exporting: 'Đang xuất…',
  done: 'Đã lưu tệp Word: {{path}}',
  refused: 'Trong thư mục đã có tệp cùng tên mà Newsroom không viết ra (hoặc đã bị sửa sau khi xuất), nên tệp đó được giữ nguyên; hãy chuyển nó đi hoặc chọn thư mục khác.',
  unsaved: 'Bài đang mở chưa lưu được (xem thanh trạng thái); chưa xuất gì.',
};

export const wordExportEn: typeof wordExportVi = {
  menu: 'Export Word…',
  title: 'Export the article as a Word file',
  intro: 'A .docx file for sources, lawyers and readers outside the newsroom: headline, lead, body, photos with captions, and the byline. The file is named after the article’s slug.',
  folder: 'Folder to save in',
  folderHint: 'A full path on this machine, e.g. /home/desk/for-lawyers.',
  chooseFolder: 'Choose folder…',
  chooseFolderTitle: 'Choose a folder for the Word file',
  export: 'Export Word file',
  exporting: 'Exporting…',
  done: 'Word file saved: {{path}}',
  refused: 'The folder already holds a file of that name that Newsroom did not write (or it was changed after the export), so it was left untouched; move it away or choose another folder.',
  unsaved: 'The open article could not be saved (see the status bar); nothing was exported.',
};
