/** Strings of File → Print and Export PDF, spread into `i18n/vi.ts` and `i18n/en.ts` as the `print` group. */
export const printVi = {
  menu: 'In bài…',
  pdfMenu: 'Xuất PDF…',
  pdfTitle: 'Lưu bài thành PDF',
  pdfSaved: 'Đã lưu PDF: {{path}}',
  failed: 'Không in được bài: {{reason}}',
};

export const printEn: typeof printVi = {
  menu: 'Print…',
  pdfMenu: 'Export PDF…',
  pdfTitle: 'Save the article as PDF',
  pdfSaved: 'PDF saved: {{path}}',
  failed: 'The article could not be printed: {{reason}}',
};
