/** Strings of the command palette, the keyboard help and the appearance commands (theme, zoom). */
export const commandsVi = {
  appearance: {
    zoomIn: 'Phóng to',
    zoomOut: 'Thu nhỏ',
    zoomReset: 'Cỡ thường (100%)',
    theme: {
      system: 'Giao diện tối: theo hệ thống',
      light: 'Giao diện tối: tắt (nền sáng)',
      dark: 'Giao diện tối: bật',
    },
  },
  palette: {
    menu: 'Bảng lệnh…',
    title: 'Bảng lệnh',
    search: 'Gõ tên lệnh, ví dụ “xuat bai”',
    empty: 'Không có lệnh nào khớp.',
  },
  keyboardHelp: {
    menu: 'Phím tắt',
    title: 'Phím tắt',
    search: 'Tìm phím tắt',
    close: 'Đóng',
    empty: 'Không có phím tắt nào khớp.',
    other: 'Khác',
    editorGroup: 'Trong bài viết',
    keys: {
      nextPart: 'Sang phần sau (tít → sapo → nội dung)',
      lineBreak: 'Xuống dòng trong đoạn',
      indent: 'Thụt vào / lùi ra một mục danh sách',
      captionCredit: 'Chú thích ảnh → tác giả ảnh, và ngược lại',
      undoReplacement: 'Bỏ lần tự thay dấu vừa rồi (“ ”, –, …)',
      findNext: 'Trong thanh tìm: kết quả sau / trước',
      closeBar: 'Đóng thanh tìm, hộp thoại, màn hình chức năng',
      sendComment: 'Gửi bình luận hoặc trả lời',
      menuBar: 'Đến thanh menu (rồi phím mũi tên, Enter, Esc)',
    },
  },
};

export const commandsEn: typeof commandsVi = {
  appearance: {
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    zoomReset: 'Actual size (100%)',
    theme: {
      system: 'Dark theme: follow the system',
      light: 'Dark theme: off (light)',
      dark: 'Dark theme: on',
    },
  },
  palette: {
    menu: 'Command palette…',
    title: 'Command palette',
    search: 'Type a command name, e.g. “export”',
    empty: 'No command matches.',
  },
  keyboardHelp: {
    menu: 'Keyboard shortcuts',
    title: 'Keyboard shortcuts',
    search: 'Search shortcuts',
    close: 'Close',
    empty: 'No shortcut matches.',
    other: 'Other',
    editorGroup: 'In the article',
    keys: {
      nextPart: 'Next part (headline → lead → body)',
      lineBreak: 'Line break inside a paragraph',
      indent: 'Indent / outdent a list item',
      captionCredit: 'Photo caption → credit, and back',
      undoReplacement: 'Take back the last automatic replacement (“ ”, –, …)',
      findNext: 'In the find bar: next / previous match',
      closeBar: 'Close the find bar, a dialog or a feature screen',
      sendComment: 'Send a comment or reply',
      menuBar: 'Go to the menu bar (then arrow keys, Enter, Escape)',
    },
  },
};
