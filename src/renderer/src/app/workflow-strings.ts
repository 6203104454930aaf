/**
 * Strings of the workflow guardrails, the desk's view of the list and the
 * conflict choice, spread into `i18n/vi.ts` and `i18n/en.ts` as the `workflow` group.
 */
export const workflowVi = {
  confirmReopen: 'Bài này đã được duyệt. Sửa bài sẽ chuyển bài về “Đang biên tập”. Tiếp tục?',
  confirmCorrection: 'Bài này đã xuất bản. Sửa bài sẽ mở lại bài để đính chính và chuyển về “Đang biên tập”. Tiếp tục?',
  openReview: 'Còn {{suggestions}} gợi ý chưa xử lý và {{comments}} bình luận chưa giải quyết.',
  approveNeedsReason: 'Chỉ duyệt khi mọi gợi ý đã được chấp nhận hoặc từ chối và mọi bình luận đã xử lý, hoặc ghi rõ lý do duyệt vượt (lý do được lưu vào nhật ký).',
  approveOverrideReason: 'Lý do duyệt khi còn việc chưa xử lý (bắt buộc, được ghi lại)',
  approveOverride: 'Duyệt vượt, có lý do',
  publishWhat: 'Sẽ xuất bản: “{{headline}}” (đường dẫn {{slug}}).',
  publishWhere: 'Gói bài được ghi vào: {{folder}} (mẫu xuất bản “{{profile}}”).',
  publishStatusOnly: 'Bước này chỉ đổi trạng thái; gói bài được ghi từ màn Xuất bản.',
  publishConfirm: 'Xác nhận xuất bản',
  untitled: '(chưa có tít)',
  undo: {
    accept: 'Hoàn tác: chấp nhận gợi ý “{{change}}”',
    acceptMany: 'Hoàn tác: chấp nhận {{count}} gợi ý',
    reject: 'Hoàn tác: từ chối gợi ý “{{change}}”',
    rejectMany: 'Hoàn tác: từ chối {{count}} gợi ý',
    delete: 'Hoàn tác: xoá bài “{{headline}}”',
  },
  list: {
    needsMyAction: 'Cần tôi xử lý',
    nothingForMe: 'Không có bài nào đang chờ bạn xử lý.',
  },
  firstRun: {
    title: 'Chưa có bài nào',
    intro: 'Bắt đầu bằng một trong ba cách:',
    new: '+ Viết bài mới',
    newHint: 'soạn từ đầu: tít, sapo, nội dung, tác giả.',
    newMenu: 'Tệp → Bài mới',
    import: 'Nhập tệp…',
    importHint: 'Word, văn bản, trang web đã lưu hay thư mục bài; kéo thả tệp vào danh sách bài cũng được.',
    openPackage: 'Mở gói bài…',
    openPackageHint: 'tệp .newsroom đồng nghiệp gửi; kéo thả vào cửa sổ cũng được.',
  },
};

export const workflowEn: typeof workflowVi = {
  confirmReopen: 'This article is approved. Editing moves it back to in edit. Continue?',
  confirmCorrection: 'This article is published. Editing reopens it as a correction and moves it back to in edit. Continue?',
  openReview: '{{suggestions}} suggestion(s) still open and {{comments}} comment thread(s) unresolved.',
  approveNeedsReason: 'Approve only when every suggestion is accepted or rejected and every comment resolved, or state why you approve anyway (the reason is logged).',
  approveOverrideReason: 'Reason to approve with open items (required, logged)',
  approveOverride: 'Approve anyway, with a reason',
  publishWhat: 'To be published: “{{headline}}” (slug {{slug}}).',
  publishWhere: 'The bundle is written to: {{folder}} (publication profile “{{profile}}”).',
  publishStatusOnly: 'This step only changes the status; the bundle is written from the Export view.',
  publishConfirm: 'Confirm publishing',
  untitled: '(no headline yet)',
  undo: {
    accept: 'Undo: accept suggestion “{{change}}”',
    acceptMany: 'Undo: accept {{count}} suggestions',
    reject: 'Undo: reject suggestion “{{change}}”',
    rejectMany: 'Undo: reject {{count}} suggestions',
    delete: 'Undo: delete “{{headline}}”',
  },
  list: {
    needsMyAction: 'Needs my action',
    nothingForMe: 'No article is waiting for you.',
  },
  firstRun: {
    title: 'No articles yet',
    intro: 'Start in one of three ways:',
    new: '+ Write a new article',
    newHint: 'from scratch: headline, lead, body, byline.',
    newMenu: 'File → New article',
    import: 'Import files…',
    importHint: 'Word, text, saved web pages or story folders; you can also drop files on the article list.',
    openPackage: 'Open a package…',
    openPackageHint: 'a .newsroom file a colleague sent; you can also drop it on the window.',
  },
};
