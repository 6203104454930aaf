import { test, expect } from './fixtures';
import { createDocument, documentToStored } from '../../src/shared/document';
import { DESK } from '../support/workflow';
import { editor, openCreated } from './helpers';

const article = (lead: string, paragraphs: string[], agencyTag = 'BLC') => ({
  meta: { agencyTag, section: 'Xã hội' },
  document: documentToStored(createDocument({ headline: 'Du lịch cộng đồng ở Lai Châu', lead, paragraphs, authors: ['Tiến Thành'] })),
});
const underline = (page: import('@playwright/test').Page, text: string) => editor(page).locator('.nr-proof', { hasText: text });

test('with the agency field empty, a lead starting with the export profile’s tag is underlined, as preflight reports it', async ({ page, app }) => {
  const id = await openCreated(page, app, article('(BLC) – Năm 2024, tỉnh phát triển du lịch cộng đồng.', ['Nhiều bản đón khách.'], ''));
  await expect(underline(page, '(BLC)')).toHaveClass(/nr-proof-style/);
  const preflight = await app.core.call('preflightArticle', { id });
  expect(preflight).toMatchObject({ ok: true, value: { errors: [expect.objectContaining({ code: 'proofing_error', params: expect.objectContaining({ rule: 'agency.with-field' }) })] } });
});

test('add to dictionary keeps the word in the store for the profile', async ({ page, app }) => {
  app.core.review.people.setLocal(DESK);
  await openCreated(page, app, article('Năm 2024, tỉnh phát triển du lịch cộng đồng.', ['Khách nghỉ ở homestay của bản.']));
  await underline(page, 'homestay').click();
  await page.getByTestId('proof-popover').getByRole('button', { name: 'Thêm vào từ điển' }).click();
  await expect(underline(page, 'homestay')).toHaveCount(0);
  await expect.poll(() => app.core.proofing.personal.words(app.core.review.people.requireLocal().id)).toEqual(['homestay']);
});

test('the desk adds a word on the Dictionary tab and the editor stops flagging it', async ({ page, app }) => {
  app.core.review.people.setLocal(DESK);
  await openCreated(page, app, article('Năm 2024, tỉnh phát triển du lịch cộng đồng.', ['Khách nghỉ ở homestay của bản.']));
  await expect(underline(page, 'homestay')).toHaveClass(/nr-proof-spelling/);
  await page.getByRole('menuitem', { name: 'Công cụ' }).click();
  await page.getByRole('menuitem', { name: /Quy định văn phong/ }).click();
  await page.getByRole('tab', { name: 'Từ điển toà soạn' }).click();
  await page.getByLabel('Tên, từ').fill('homestay');
  await page.getByLabel('Loại').selectOption('word');
  await page.getByRole('button', { name: 'Thêm', exact: true }).click();
  await expect(page.getByText('Đã thêm “homestay” vào từ điển toà soạn.')).toBeVisible();
  await page.getByLabel('Tìm trong từ điển').fill('home');
  await expect(page.getByTestId('dictionary-entries').locator('li')).toHaveCount(1);
  expect(app.core.proofing.newsroom.words()).toContain('homestay');
  await page.getByRole('button', { name: /Quay lại bài viết/ }).click();
  await expect(editor(page)).toBeVisible();
  await expect(underline(page, 'homestay')).toHaveCount(0);
});

test('a reporter can search the newsroom dictionary but not change it', async ({ page, app }) => {
  app.core.review.people.setLocal({ ...DESK, displayName: 'Tiến Thành', initials: 'TT', role: 'reporter' });
  await openCreated(page, app, article('Năm 2024, tỉnh phát triển du lịch cộng đồng.', ['Nhiều bản đón khách.']));
  await page.getByRole('menuitem', { name: 'Công cụ' }).click();
  await page.getByRole('menuitem', { name: /Quy định văn phong/ }).click();
  await page.getByRole('tab', { name: 'Từ điển toà soạn' }).click();
  await expect(page.getByText('Chỉ bàn biên tập được sửa từ điển toà soạn; bạn có thể tra cứu.')).toBeVisible();
  await page.getByLabel('Tìm trong từ điển').fill('Hà Nhì');
  await expect(page.getByTestId('dictionary-entries').locator('li')).toHaveText([/Hà Nhì/]);
  await expect(page.getByRole('button', { name: 'Thêm', exact: true })).toHaveCount(0);
  await expect(page.getByTestId('dictionary-entries').getByRole('button')).toHaveCount(0);
});

test('the desk accepts or declines the entries a package offered', async ({ page, app }) => {
  app.core.review.people.setLocal(DESK);
  // What opening a package from a signer not trusted as desk leaves behind.
  app.core.db.transaction(() => app.core.proofing.newsroom.receive([{ word: 'homestay', kind: 'word' }, { word: 'Pú Đao', kind: 'place' }], { name: 'Tiến Thành', fingerprint: null, trustedAsDesk: false }))();
  await openCreated(page, app, article('Năm 2024, tỉnh phát triển du lịch cộng đồng.', ['Khách nghỉ ở homestay của bản.']));
  await expect(underline(page, 'homestay')).toHaveClass(/nr-proof-spelling/);
  await page.getByRole('menuitem', { name: 'Công cụ' }).click();
  await page.getByRole('menuitem', { name: /Quy định văn phong/ }).click();
  await page.getByRole('tab', { name: 'Từ điển toà soạn' }).click();
  const offered = page.getByTestId('dictionary-offered');
  await expect(offered.locator('li')).toHaveText([/homestay.*do Tiến Thành gửi/, /Pú Đao.*do Tiến Thành gửi/]);
  await offered.locator('li', { hasText: 'homestay' }).getByRole('button', { name: 'Nhận' }).click();
  await expect(page.getByText('Đã nhận “homestay” vào từ điển toà soạn.')).toBeVisible();
  await offered.locator('li', { hasText: 'Pú Đao' }).getByRole('button', { name: 'Bỏ' }).click();
  await expect(offered).toHaveCount(0);
  expect(app.core.proofing.newsroom.words()).toContain('homestay');
  expect(app.core.proofing.newsroom.words()).not.toContain('Pú Đao');
  await page.getByRole('button', { name: /Quay lại bài viết/ }).click();
  await expect(underline(page, 'homestay')).toHaveCount(0);
});
