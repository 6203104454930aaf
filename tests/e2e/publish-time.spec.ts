import { test, expect } from './fixtures';
import { openCreated, waitSaved } from './helpers';

/** The publish-time field on daylight-saving changes: what is stored, and what the field says about it. */
test('a publish time on a daylight-saving change is stored by the documented rule and the field says so', async ({ page, app }) => {
  const id = await openCreated(page, app, {});
  const details = page.getByRole('complementary', { name: 'Thông tin bài' });
  const stored = () => app.core.articles.get(id).meta.publishedAt;

  await details.getByLabel('Múi giờ').selectOption('America/New_York');
  await details.getByLabel('Ngày đăng').fill('08/03/2026');

  // 03:30 exists on the spring-forward day (EDT): stored as it was typed.
  await details.getByLabel('Giờ đăng').fill('03:30');
  await expect.poll(stored).toBe('2026-03-08T03:30:00-04:00');
  await expect(details.getByRole('status').filter({ hasText: 'đã lưu' })).toHaveCount(0);

  // 02:30 never shows on the clocks that day: moved forward by the gap, and said.
  await details.getByLabel('Giờ đăng').fill('02:30');
  await expect(details.getByText('Ngày này ở múi giờ đã chọn không có giờ đó (đồng hồ được vặn nhanh lên): đã lưu thành 03:30 (UTC-04:00).')).toBeVisible();
  await expect.poll(stored).toBe('2026-03-08T03:30:00-04:00');

  // 01:30 shows twice on the fall-back day: the first, still on summer time.
  await details.getByLabel('Ngày đăng').fill('01/11/2026');
  await details.getByLabel('Giờ đăng').fill('01:30');
  await expect(details.getByText('Ngày này ở múi giờ đã chọn có giờ đó hai lần (đồng hồ được lùi lại): đã lưu theo lần đầu, 01:30 (UTC-04:00).')).toBeVisible();
  await expect.poll(stored).toBe('2026-11-01T01:30:00-04:00');
  await waitSaved(page);
});
