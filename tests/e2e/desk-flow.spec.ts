/// <reference lib="dom" />
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import { test, expect, type Page } from './fixtures';
import type { AppFixture } from './fixtures';
import { createDocument, documentFromStored, documentToStored } from '../../src/shared/document';
import type { ProfileInput } from '../../src/shared/review/model';
import { moveAlongWorkflow } from '../support/workflow';
import { findText } from '../support/calls';
import { EditorState } from 'prosemirror-state';
import { proposeFromTransform } from '../../src/shared/review/suggest';
import { createThroughApi, editor, waitSaved } from './helpers';

const REPORTER: ProfileInput = { displayName: 'Tiến Thành', initials: 'TT', role: 'reporter', color: '#1a7f5a' };
const DESK: ProfileInput = { displayName: 'Minh Anh', initials: 'MA', role: 'desk', color: '#204080' };

const details = (page: Page) => page.getByRole('complementary', { name: 'Thông tin bài' });
const statusSelect = (page: Page) => details(page).getByLabel('Trạng thái');
const row = (page: Page, headline: string) => page.locator('.article-row', { hasText: headline });

const seed = (app: AppFixture, page: Page, headline: string, paragraphs = ['Một đoạn.']): Promise<string> =>
  createThroughApi(page, app, { document: documentToStored(createDocument({ headline, lead: 'Dẫn đề.', paragraphs, authors: ['Tiến Thành'] })) });

async function openRow(page: Page, headline: string): Promise<void> {
  await row(page, headline).locator('.row-open').click();
  await expect(editor(page).locator('.nr-headline')).toHaveText(headline);
}

async function typeAtEndOfBody(page: Page, text: string): Promise<void> {
  await editor(page).locator('.nr-body p').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

/** Answer every browser dialog with `accept`, recording its message. */
function answerDialogs(page: Page, accept: boolean): string[] {
  const messages: string[] = [];
  page.on('dialog', (d) => {
    messages.push(d.message());
    void (accept ? d.accept() : d.dismiss());
  });
  return messages;
}

test('editing a submitted article takes it into edit, logged with who and why, and the list shows it', async ({ page, app }) => {
  const id = await seed(app, page, 'Tin đã gửi');
  await moveAlongWorkflow(app.core, id, 'submitted');
  app.core.review.people.setLocal(REPORTER);
  await page.reload();
  await openRow(page, 'Tin đã gửi');
  await expect(statusSelect(page)).toHaveValue('submitted');
  await typeAtEndOfBody(page, ' Thêm.');
  await waitSaved(page);
  await expect(statusSelect(page)).toHaveValue('in_edit');
  await expect(row(page, 'Tin đã gửi')).toContainText('Đang biên tập');
  const last = app.core.review.transitions.list(id).at(-1)!;
  expect(last).toMatchObject({ from: 'submitted', to: 'in_edit', note: 'edited while submitted', profileId: app.core.review.people.local()!.id });
});

test('editing an approved article asks first: no leaves it untouched, yes moves it back to in edit', async ({ page, app }) => {
  const id = await seed(app, page, 'Tin đã duyệt');
  await moveAlongWorkflow(app.core, id, 'approved');
  await page.reload();
  await openRow(page, 'Tin đã duyệt');

  const declined = answerDialogs(page, false);
  await typeAtEndOfBody(page, 'X');
  await expect.poll(() => declined).toEqual(['Bài này đã được duyệt. Sửa bài sẽ chuyển bài về “Đang biên tập”. Tiếp tục?']);
  await expect(editor(page).locator('.nr-body p')).toHaveText('Một đoạn.');
  page.removeAllListeners('dialog');
  expect(app.core.articles.get(id).meta.status).toBe('approved');
  await expect(statusSelect(page)).toHaveValue('approved');

  const accepted = answerDialogs(page, true);
  await typeAtEndOfBody(page, ' Sửa.');
  await expect(editor(page).locator('.nr-body p')).toHaveText('Một đoạn. Sửa.');
  await waitSaved(page);
  expect(accepted).toHaveLength(1);
  await expect(statusSelect(page)).toHaveValue('in_edit');
  await expect(row(page, 'Tin đã duyệt')).toContainText('Đang biên tập');
  expect(JSON.stringify(app.core.articles.get(id).document)).toContain('Một đoạn. Sửa.');
  expect(app.core.review.transitions.list(id).at(-1)).toMatchObject({ from: 'approved', to: 'in_edit', note: 'edited while approved' });
});

test('editing a published article reopens it as a correction after asking', async ({ page, app }) => {
  const id = await seed(app, page, 'Tin đã đăng');
  await moveAlongWorkflow(app.core, id, 'published');
  await page.reload();
  await openRow(page, 'Tin đã đăng');
  const asked = answerDialogs(page, true);
  await typeAtEndOfBody(page, ' Đính chính.');
  await waitSaved(page);
  expect(asked).toEqual(['Bài này đã xuất bản. Sửa bài sẽ mở lại bài để đính chính và chuyển về “Đang biên tập”. Tiếp tục?']);
  await expect(statusSelect(page)).toHaveValue('in_edit');
  expect(app.core.review.transitions.list(id).at(-1)).toMatchObject({ from: 'published', to: 'in_edit', note: 'reopened as a correction' });
});

test('approving with an unresolved comment shows what is open and needs a reason, which is logged', async ({ page, app }) => {
  const id = await seed(app, page, 'Tin còn góp ý');
  await moveAlongWorkflow(app.core, id, 'in_edit');
  const pm = documentFromStored(app.core.articles.get(id).document);
  const comment = await app.core.call('addComment', { articleId: id, ...findText(pm, 'Một đoạn'), body: 'Nguồn nào?' });
  expect(comment.ok).toBe(true);
  await page.reload();
  await openRow(page, 'Tin còn góp ý');
  await statusSelect(page).selectOption('approved');
  const gate = details(page).getByTestId('approval-gate');
  await expect(gate).toContainText('Còn 0 gợi ý chưa xử lý và 1 bình luận chưa giải quyết.');
  const approve = details(page).getByRole('button', { name: 'Duyệt vượt, có lý do' });
  await expect(approve).toBeDisabled();
  await gate.getByLabel('Lý do duyệt khi còn việc chưa xử lý (bắt buộc, được ghi lại)').fill('Nguồn đã xác minh qua điện thoại');
  await approve.click();
  await expect(statusSelect(page)).toHaveValue('approved');
  expect(app.core.review.transitions.list(id).at(-1)).toMatchObject({ to: 'approved', overrideReason: 'Nguồn đã xác minh qua điện thoại' });
});

test('publishing from the status menu names the article before it is confirmed', async ({ page, app }) => {
  const id = await seed(app, page, 'Tin chờ đăng');
  await moveAlongWorkflow(app.core, id, 'approved');
  app.core.review.people.setLocal(DESK);
  await page.reload();
  await openRow(page, 'Tin chờ đăng');
  await statusSelect(page).selectOption('published');
  await expect(details(page).getByTestId('publish-summary')).toContainText(`Sẽ xuất bản: “Tin chờ đăng” (đường dẫn ${app.core.articles.get(id).meta.slug}).`);
  await details(page).getByRole('button', { name: 'Xác nhận xuất bản' }).click();
  await expect(statusSelect(page)).toHaveValue('published');
});

test('the list follows a status change made in the Review view, without a reload', async ({ page, app }) => {
  await seed(app, page, 'Tin theo dõi');
  app.core.review.people.setLocal(REPORTER);
  await page.reload();
  await openRow(page, 'Tin theo dõi');
  await page.keyboard.press('Control+Alt+R');
  const review = page.locator('.review-view');
  await review.getByRole('tab', { name: 'Trạng thái' }).click();
  await review.getByRole('button', { name: 'Chuyển sang “Đã gửi”' }).click();
  await expect(review.getByRole('heading', { name: 'Trạng thái hiện tại: Đã gửi' })).toBeVisible();
  await expect(row(page, 'Tin theo dõi')).toContainText('Đã gửi');
});

test('the desk sees approved articles first and filters to what needs its action, remembered', async ({ page, app }) => {
  const draft = await seed(app, page, 'Bài nháp');
  const approved = await seed(app, page, 'Bài đã duyệt');
  await moveAlongWorkflow(app.core, approved, 'approved');
  app.core.review.people.setLocal(DESK);
  expect(app.core.articles.get(draft).meta.status).toBe('draft');
  await page.reload();
  await page.getByLabel('Nhóm theo trạng thái').check();
  await expect(page.locator('.row-group-title').first()).toContainText('Đã duyệt');
  await page.getByLabel(/Cần tôi xử lý/).check();
  await expect(page.locator('.article-row')).toHaveCount(1);
  await expect(page.locator('.article-row')).toContainText('Bài đã duyệt');
  await page.reload();
  await expect(page.getByLabel(/Cần tôi xử lý/)).toBeChecked();
  await expect(page.locator('.article-row')).toHaveCount(1);
});

test('a new database shows the three ways to start, and the counts line is not red at 0 words', async ({ page, app }) => {
  expect(app.core.articles.list({ limit: 1, offset: 0 }).total).toBe(0);
  const firstRun = page.getByTestId('first-run');
  await expect(firstRun.getByRole('heading', { name: 'Chưa có bài nào' })).toBeVisible();
  await expect(firstRun).toContainText('Nhập tệp…Ctrl+O');
  await expect(firstRun).toContainText('Mở gói bài…Ctrl+Shift+O');
  expect((await new AxeBuilder({ page }).include('[data-testid="first-run"]').analyze()).violations.map((v) => v.id)).toEqual([]);
  await firstRun.getByRole('button', { name: '+ Viết bài mới' }).click();
  await expect(editor(page)).toBeVisible();
  await expect(page.locator('.nr-counts [data-part="total"]')).toHaveAttribute('data-warn', 'false');
});

test('an undo notice names what it undoes, replaces the previous one and leaves by itself', async ({ page, app }) => {
  await seed(app, page, 'Bài một');
  await seed(app, page, 'Bài hai');
  await row(page, 'Bài một').locator('.row-delete').click();
  await expect(page.locator('.toast')).toHaveCount(1);
  await expect(page.locator('.toast').getByRole('button', { name: 'Hoàn tác: xoá bài “Bài một”' })).toBeVisible();
  await row(page, 'Bài hai').locator('.row-delete').click();
  await expect(page.locator('.toast').getByRole('button', { name: 'Hoàn tác: xoá bài “Bài hai”' })).toBeVisible();
  // Counted at once, while the first notice's time has not run out: the new one replaced it.
  expect(await page.locator('.toast').count()).toBe(1);
  await expect(page.locator('.toast')).toHaveCount(0, { timeout: 9000 });
});

test('a reply keeps its text when focus moves away, and Ctrl+Enter sends it', async ({ page, app }) => {
  const id = await seed(app, page, 'Tin trao đổi');
  app.core.review.people.setLocal(REPORTER);
  const pm = documentFromStored(app.core.articles.get(id).document);
  expect((await app.core.call('addComment', { articleId: id, ...findText(pm, 'Một đoạn'), body: 'Nguồn nào?' })).ok).toBe(true);
  await page.reload();
  await openRow(page, 'Tin trao đổi');
  await page.keyboard.press('Control+Alt+G');
  const card = page.locator('.review-thread', { hasText: 'Nguồn nào?' });
  await card.getByRole('button', { name: 'Trả lời' }).click();
  await page.keyboard.type('Sở Nội vụ');
  // Focus goes back to the text, the pane re-renders after typing: the reply is still there.
  await typeAtEndOfBody(page, ' Thêm.');
  await waitSaved(page);
  await expect(card.getByLabel('Viết trả lời…')).toHaveValue('Sở Nội vụ');
  // The pane closed and opened again (its cards rebuilt): the draft is still there.
  await page.keyboard.press('Control+Alt+G');
  await expect(card).toHaveCount(0);
  await page.keyboard.press('Control+Alt+G');
  await expect(card.getByLabel('Viết trả lời…')).toHaveValue('Sở Nội vụ');
  await card.getByLabel('Viết trả lời…').press('Control+Enter');
  await expect(card.locator('.review-comment')).toHaveCount(2);
  await expect(card.locator('.review-comment').nth(1)).toContainText('Sở Nội vụ');
  await expect(card.getByLabel('Viết trả lời…')).toHaveCount(0);
});

test('a save conflict between two windows offers a real choice', async ({ page, app, browser }) => {
  const id = await seed(app, page, 'Tin hai cửa sổ', ['Đoạn gốc.']);
  const other = await browser.newContext();
  const pageB = await other.newPage();
  try {
    await pageB.goto(app.host.url);
    await openRow(page, 'Tin hai cửa sổ');
    await openRow(pageB, 'Tin hai cửa sổ');
    await typeAtEndOfBody(pageB, ' Của B.');
    await waitSaved(pageB);
    await typeAtEndOfBody(page, ' Của A.');
    await expect(page.getByTestId('save-state')).toHaveText('Chưa lưu: bài đã được sửa ở nơi khác');

    // See both, side by side.
    await page.getByRole('button', { name: 'Giải quyết xung đột…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bài đã được lưu ở nơi khác' });
    await dialog.getByRole('button', { name: 'Xem hai bản cạnh nhau' }).click();
    const sides = dialog.getByTestId('conflict-sides');
    await expect(sides.getByRole('region', { name: 'Bản đã lưu ở nơi khác' })).toContainText('Đoạn gốc. Của B.');
    await expect(sides.getByRole('region', { name: 'Bản của bạn' })).toContainText('Đoạn gốc. Của A.');
    expect((await new AxeBuilder({ page }).include('.conflict-dialog').analyze()).violations.map((v) => v.id)).toEqual([]);

    // Merge by hand: theirs in the editor, mine beside it, read-only.
    await dialog.getByRole('button', { name: 'Ghép bằng tay' }).click();
    await expect(editor(page).locator('.nr-body p')).toHaveText('Đoạn gốc. Của B.');
    await expect(page.getByTestId('mine-beside')).toContainText('Đoạn gốc. Của A.');
    expect(JSON.stringify(app.core.articles.get(id).document)).toContain('Của B.');

    // Keep mine, next time: theirs stays in history.
    await typeAtEndOfBody(pageB, ' Lần hai B.');
    await waitSaved(pageB);
    await typeAtEndOfBody(page, ' Lần hai A.');
    await expect(page.getByTestId('save-state')).toHaveText('Chưa lưu: bài đã được sửa ở nơi khác');
    await page.getByRole('button', { name: 'Giải quyết xung đột…' }).click();
    await dialog.getByRole('button', { name: 'Giữ bản của tôi' }).click();
    await waitSaved(page);
    expect(JSON.stringify(app.core.articles.get(id).document)).toContain('Của B. Lần hai A.');
    const history = app.core.articles.listRevisions(id, { limit: 50, offset: 0 }).items;
    const kept = history.map((r) => JSON.stringify(app.core.articles.getRevision(id, r.id).document));
    expect(kept.some((d) => d.includes('Lần hai B.'))).toBe(true);

    // Keep theirs: another writer (here straight through the API) saves; this window lets its unsaved text go and shows theirs.
    const current = app.core.articles.get(id);
    const saved = await app.core.call('saveArticle', { id, baseRevision: current.revision, document: documentToStored(createDocument({ headline: 'Tin hai cửa sổ', lead: 'Dẫn đề.', paragraphs: ['Bản thứ ba B.'], authors: ['Tiến Thành'] })) });
    expect(saved.ok).toBe(true);
    await typeAtEndOfBody(page, ' Ba A.');
    await expect(page.getByTestId('save-state')).toHaveText('Chưa lưu: bài đã được sửa ở nơi khác');
    await page.getByRole('button', { name: 'Giải quyết xung đột…' }).click();
    await dialog.getByRole('button', { name: 'Giữ bản kia' }).click();
    await expect(editor(page).locator('.nr-body p')).toHaveText('Bản thứ ba B.');
    await expect(page.getByTestId('save-state')).toHaveText(/^Đã lưu lúc/);
    expect(JSON.stringify(app.core.articles.get(id).document)).not.toContain('Ba A.');
  } finally {
    await other.close();
  }
});

test('publishing from the Export view names the article and the folder first; cancelling publishes nothing', async ({ page, app }) => {
  const id = await seed(app, page, 'Tin xuất bản');
  await moveAlongWorkflow(app.core, id, 'approved');
  app.core.review.people.setLocal(DESK);
  await page.reload();
  await openRow(page, 'Tin xuất bản');
  await page.keyboard.press('Control+Shift+E');
  const exportView = page.locator('.export-view');
  await expect(exportView.getByText('Không có lỗi nào chặn việc xuất.')).toBeVisible();
  await exportView.getByLabel('Thư mục đích').fill(join(app.dir, 'xuat'));
  await exportView.getByLabel(/Xuất bản bài đã duyệt/).check();
  const asked = answerDialogs(page, false);
  await exportView.getByRole('button', { name: 'Xuất bản', exact: true }).click();
  await expect.poll(() => asked).toHaveLength(1);
  expect(asked[0]).toContain(`Sẽ xuất bản: “Tin xuất bản” (đường dẫn ${app.core.articles.get(id).meta.slug}).`);
  expect(asked[0]).toContain(`Gói bài được ghi vào: ${join(app.dir, 'xuat')}`);
  expect(app.core.articles.get(id).meta.status).toBe('approved');
});

test('restoring an old version into an approved article asks first, then reopens it', async ({ page, app }) => {
  const id = await seed(app, page, 'Tin khôi phục', ['Bản đầu.']);
  const saved = await app.core.call('saveArticle', { id, document: documentToStored(createDocument({ headline: 'Tin khôi phục', lead: 'Dẫn đề.', paragraphs: ['Bản sau.'], authors: ['Tiến Thành'] })), reason: 'save' });
  expect(saved.ok).toBe(true);
  await moveAlongWorkflow(app.core, id, 'approved');
  await page.reload();
  await openRow(page, 'Tin khôi phục');
  await page.keyboard.press('Control+Alt+R');
  const review = page.locator('.review-view');
  await review.getByRole('tab', { name: 'Lịch sử' }).click();
  await review.getByRole('radio', { name: /^A: Tạo bài/ }).check();
  const declined = answerDialogs(page, false);
  await review.getByRole('button', { name: 'Khôi phục phiên bản A' }).click();
  await expect.poll(() => declined).toEqual(['Bài này đã được duyệt. Sửa bài sẽ chuyển bài về “Đang biên tập”. Tiếp tục?']);
  expect(JSON.stringify(app.core.articles.get(id).document)).toContain('Bản sau.');
  page.removeAllListeners('dialog');
  answerDialogs(page, true);
  await review.getByRole('button', { name: 'Khôi phục phiên bản A' }).click();
  await expect.poll(() => app.core.articles.get(id).meta.status).toBe('in_edit');
  expect(JSON.stringify(app.core.articles.get(id).document)).toContain('Bản đầu.');
});

test('accepting a suggestion into an approved article asks first, then reopens it', async ({ page, app }) => {
  const id = await seed(app, page, 'Tin có gợi ý', ['Hội nghị thực hiện nhiệm vụ.']);
  await moveAlongWorkflow(app.core, id, 'in_edit');
  const pm = documentFromStored(app.core.articles.get(id).document);
  const at = findText(pm, 'thực hiện');
  const proposed = app.core.review.propose(id, proposeFromTransform(pm, EditorState.create({ doc: pm }).tr.insertText('triển khai', at.from, at.to).steps)!);
  expect(proposed).toHaveLength(1);
  expect((await app.core.call('changeStatus', { id, to: 'approved', overrideReason: 'Sửa sau khi lên trang' })).ok).toBe(true);
  await page.reload();
  await openRow(page, 'Tin có gợi ý');
  await page.keyboard.press('Control+Alt+G');
  const card = page.locator('.review-card', { hasText: 'triển khai' });
  const declined = answerDialogs(page, false);
  await card.getByRole('button', { name: 'Chấp nhận' }).click();
  await expect.poll(() => declined).toEqual(['Bài này đã được duyệt. Sửa bài sẽ chuyển bài về “Đang biên tập”. Tiếp tục?']);
  expect(app.core.articles.get(id).meta.status).toBe('approved');
  page.removeAllListeners('dialog');
  answerDialogs(page, true);
  await card.getByRole('button', { name: 'Chấp nhận' }).click();
  await expect(editor(page).locator('.nr-body p')).toHaveText('Hội nghị triển khai nhiệm vụ.');
  expect(app.core.articles.get(id).meta.status).toBe('in_edit');
});
