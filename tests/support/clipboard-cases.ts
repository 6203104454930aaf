import type { LeftOutText, SanitizeCounts } from '../../src/shared/html';

/**
 * Real-world clipboard shapes (fixtures in tests/fixtures/clipboard) with the exact
 * clean HTML and counts the sanitiser must give. The same table is checked in Node
 * (linkedom, after `wordConditionalsAsComments`, as importers parse) and in Chromium
 * (the browser's DOMParser, with and without that pass), which without it parse
 * Word's conditional sections differently.
 */
export interface ClipboardCase {
  fixture: string;
  /** What the shape is and what used to go wrong. */
  name: string;
  html: string;
  /** Non-zero counts; every other count must be 0. */
  counts: Partial<SanitizeCounts>;
  /** The text of hidden passages and page headers/footers left out; none when absent. */
  leftOut?: LeftOutText[];
}

export const CLIPBOARD_CASES: ClipboardCase[] = [
  {
    fixture: 'word-smart-tags.html',
    name: 'Word smart tags (st1:place, st1:City, st1:date) keep their words',
    html: '<p>Lai Châu đón đoàn công tác của Việt Nam ngày 30/4/2015.</p><p>Nguyễn Văn An phát biểu tại Hội trường Tỉnh ủy.</p>',
    counts: {},
  },
  {
    fixture: 'word-content-controls.html',
    name: 'Word content controls (w:Sdt inline and around paragraphs, w:sdt date) keep their text',
    html:
      '<p>Tác giả: Phóng viên Hà My</p><p>Đoạn trong khung nội dung thứ nhất.</p><p>Đoạn trong khung nội dung thứ hai.</p><p>Ngày đăng: 5/12/2026</p>',
    counts: {},
  },
  {
    fixture: 'word-text-boxes.html',
    name: 'Word bordered paragraphs and text boxes keep their text once, as paragraphs',
    html:
      '<p><strong>Thông tin thêm:</strong> đoạn có viền bao quanh.</p><p>Hộp chữ: ý kiến bạn đọc.</p><p>Bạn đọc Lò Văn Minh, xã Bản Hon.</p><p>Đoạn sau hộp chữ.</p>',
    counts: {},
  },
  {
    fixture: 'word-numbered-headings.html',
    name: 'Word numbered headings keep "1." and "1.1"; list items lose their "·" even without a mso-list:Ignore span',
    html:
      '<h2>1. Kết quả đào tạo</h2><h3>1.1 Cấp tỉnh</h3><ul><li><p>Thạc sĩ: 120 người</p></li><li><p>Đại học: 2.475 người</p></li></ul>' +
      '<ul><li><p>Mục không có nhãn Ignore</p></li></ul>',
    counts: {},
  },
  {
    fixture: 'word-table.html',
    name: 'a Word table becomes one paragraph per row, empty cells skipped; struck and underlined text kept',
    html:
      '<p>Kết quả tuyển sinh năm 2015:</p><p><strong>Trình độ</strong> | <strong>Số người</strong></p><p>Thạc sĩ | 120 | chưa xác minh</p>' +
      '<p>Đại học | 2.475</p><p>Tổng | 2.595 | tăng 12%</p><p>Đoạn sau bảng.</p>',
    counts: { tablesFlattened: 1, tableRowsFlattened: 4, struckKept: 1, underlinedKept: 1 },
  },
  {
    fixture: 'google-docs-table.html',
    name: 'a Google Docs table and text-decoration strike/underline',
    html:
      '<p>Giá cũ 120.000 đồng nay còn 95.000 đồng.</p><p>Huyện | Số xã</p><p>Tam Đường | 13</p><p>Sìn Hồ | 22</p><p>Nguồn: Sở Nội vụ.</p>',
    counts: { tablesFlattened: 1, tableRowsFlattened: 3, struckKept: 1, underlinedKept: 1 },
  },
  {
    fixture: 'libreoffice-table.html',
    name: 'a LibreOffice table, <strike> and <u>',
    html: '<p>Bảng điểm chuẩn năm 2014 năm 2015:</p><p>Ngành | Điểm</p><p>Sư phạm | <strong>24,5</strong></p>',
    counts: { tablesFlattened: 1, tableRowsFlattened: 2, struckKept: 1, underlinedKept: 1 },
  },
  {
    fixture: 'forms-and-embeds.html',
    name: 'a clobbering form (input name=nodeName, childNodes, attributes…), embeds and struck text',
    html:
      '<p>Trước biểu mẫu.</p><p>Chữ trong biểu mẫu.</p><p>Sau biểu mẫu, có khung và đối tượng.</p>' +
      '<p>Câu bị gạch và chữ bị xoá thường và gạch bằng kiểu; hết.</p>',
    counts: { formFieldsDropped: 7, embedsDropped: 3, struckKept: 3, trackedDeletionsDropped: 1 },
  },
  {
    fixture: 'word.html',
    name: 'Word: headings, lists, comment anchors, an image and a tracked deletion',
    html:
      '<h2>Từng bước đáp ứng yêu cầu của nền hành chính hiện đại</h2><p><strong>(BLC) – Để từng bước xây dựng nền hành chính hiện đại</strong>, ' +
      'những năm qua tỉnh Lai Châu tập trung xây dựng đội ngũ cán bộ, công chức (CBCC).</p><p>Theo đó, công tác đào tạo được <em>quan tâm</em> ' +
      'triển khai theo tinh thần Nghị quyết 05-NQ/TU, giai đoạn 2011 – 2015 đã đào tạo được hơn 27.309 lượt người.</p>' +
      '<ul><li><p>Đào tạo chuyên môn, nghiệp vụ: 2.475 lượt người</p><ul><li><p>Trong đó cấp tỉnh chiếm 40,1%</p></li></ul></li>' +
      '<li><p>Bồi dưỡng lý luận chính trị</p></li></ul><ol><li><p>Rà soát quy hoạch</p></li><li><p>Cử đi học</p></li></ol>' +
      '<p>Xem thêm tại <a href="https://baolaichau.vn/chinh-tri">baolaichau.vn</a></p><p>Cán bộ trẻ được tuyển dụng.</p>',
    counts: { imagesDropped: 1, trackedDeletionsDropped: 1 },
  },
  {
    fixture: 'word-list-numbers-without-ignore.html',
    name: 'Word list numbers in [if !supportLists] without a mso-list:Ignore span never stay in the text; resumed numbering and class-only list paragraphs',
    html:
      '<ol><li><p>Mục thứ nhất</p></li><li><p>Mục thứ hai</p></li></ol><p>Đoạn xen giữa danh sách.</p>' +
      '<ol start="3"><li><p>Mục thứ ba, đánh số tiếp</p></li></ol><ul><li><p>Mục theo kiểu danh sách của Word</p></li></ul><p>Dòng một<br>dòng hai</p>',
    counts: {},
  },
  {
    fixture: 'word-hidden-and-headers.html',
    name: 'Word hidden text and the page header and footer of a saved Word page are left out, counted and quoted',
    html: '<p>Lai Châu khởi công cầu Pa Tần.</p><p>Tổng vốn đầu tư 215 tỷ đồng.</p><p>Công trình dự kiến hoàn thành năm 2027.</p>',
    counts: { hiddenDropped: 2, pageHeadersFootersDropped: 2 },
    leftOut: [
      { reason: 'hidden', text: 'Ghi chú nội bộ: chưa xác minh số vốn.' },
      { reason: 'hidden', text: 'Bản nháp cũ, không in' },
      { reason: 'page_header_footer', text: 'Báo Lai Châu – Bản thảo' },
      { reason: 'page_header_footer', text: 'Trang 1' },
    ],
  },
];
