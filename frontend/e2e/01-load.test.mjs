import { test } from 'node:test'
import assert from 'node:assert/strict'
import { openApp, session, shot, waitForText } from './harness.mjs'

test('the app loads in Chinese with the demo bureau and a fixed today', async () => {
  const s = await session()
  try {
    const { page } = s
    await openApp(page, '/')
    for (const [id, label] of [
      ['nav-dashboard', '工作台'],
      ['nav-consultations', '征求意见'],
      ['nav-interpretations', '政策解读'],
      ['nav-mailbox', '局长信箱'],
      ['nav-reports', '统计报表'],
      ['nav-settings', '设置'],
    ]) {
      await page.getByTestId(id).waitFor()
      assert.equal((await page.getByTestId(id).innerText()).trim(), label)
    }
    assert.match(await page.getByTestId('header-bureau').innerText(), /临江市规划和自然资源局/)
    assert.equal(await page.getByTestId('current-user-name').innerText(), '周明远')
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN')
    assert.equal(await page.title(), '政策解读与公众参与工作台')

    const today = page.getByTestId('today-card')
    await today.getByTestId('today-date').waitFor()
    assert.equal(await today.getByTestId('today-date').innerText(), '2026-11-20')
    assert.equal(await today.getByTestId('today-weekday').innerText(), '周五')
    assert.equal(await today.getByTestId('today-kind').innerText(), '工作日')
    assert.match(await today.getByTestId('today-due').innerText(), /今天收到的留言最迟于 2026-11-25\(周三\) 答复/)

    // The missing 2027 holiday data is a set-up warning above the deadlines, not one of them.
    await page.getByTestId('setup-calendar.missing_year').waitFor()
    assert.match(await page.getByTestId('setup-calendar.missing_year').innerText(), /尚未录入2027年节假日安排/)
    assert.equal(await page.getByTestId('deadline-calendar.missing_year').count(), 0)
    // The 近期节假日 card (nothing left of 2026 after 国庆) names the missing year and leads to the import.
    const missing = page.getByTestId('next-holidays').getByTestId('holidays-missing')
    await missing.waitFor()
    assert.match(await missing.innerText(), /尚未录入2027年节假日安排/)
    assert.equal(await page.getByTestId('next-holidays').locator('.el-empty').count(), 0)

    // The month calendar opens on today's month with today outlined.
    assert.equal(await page.getByTestId('month-label').innerText(), '2026年11月')
    assert.match((await page.getByTestId('month-day-2026-11-20').getAttribute('class')) ?? '', /is-today/)
    await page.getByTestId('month-prev').click()
    await waitForText(page, 'month-label', '2026年10月')
    const oct1 = page.getByTestId('month-day-2026-10-01')
    assert.equal(await oct1.getAttribute('data-kind'), '法定节假日')
    await shot(page, 'a-dashboard')
    await page.getByTestId('month-next').click()
    await waitForText(page, 'month-label', '2026年11月')
    await page.getByTestId('holidays-import').click()
    await page.waitForURL(/#\/settings\/calendar/)
    assert.deepEqual(s.errors, [])
  } finally {
    await s.close()
  }
})
