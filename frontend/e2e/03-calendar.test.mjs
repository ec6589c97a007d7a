import { test } from 'node:test'
import assert from 'node:assert/strict'
import { field, openApp, session, shot, waitForText } from './harness.mjs'

const NOTICE_2027 = [
  '国务院办公厅关于2027年部分节假日安排的通知',
  '一、元旦：1月1日（周五）至3日（周日）放假，共3天。',
  '二、春节：2月6日（周六）上班。2月7日（周日）至13日（周六）放假调休，共7天。',
].join('\n')

async function calcResult(page) {
  const result = page.getByTestId('calc-result')
  await result.waitFor()
  return result.innerText()
}

const waitForCalc = (page, expected) => waitForText(page, 'calc-result', expected)

test('editing the calendar moves a due date; a pasted notice imports a year', async () => {
  const s = await session()
  try {
    const { page } = s
    await openApp(page, '/dashboard')

    // 2026-11-20 (Fri) + 3 working days: Mon 23, Tue 24, Wed 25.
    await field(page, 'calc-date').fill('2026-11-20')
    await field(page, 'calc-date').press('Enter')
    await field(page, 'calc-days').fill('3')
    await field(page, 'calc-days').press('Tab')
    await waitForCalc(page, '2026-11-25')
    assert.equal(await calcResult(page), '2026-11-25')

    // Make Tuesday 2026-11-24 a rest day.
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('settings-tab-calendar').click()
    const day = page.getByTestId('cal-day-2026-11-24')
    await day.click()
    const dialog = page.getByTestId('day-dialog')
    await dialog.waitFor()
    await page.getByTestId('day-kind-holiday').click()
    await field(page, 'day-name-input').fill('临时休息')
    await field(page, 'day-note-input').fill('端到端测试')
    await shot(page, 'c-day-dialog', { fullPage: false })
    await page.getByTestId('day-save').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="cal-day-2026-11-24"]')?.classList.contains('is-edited'),
    )
    assert.equal(await day.getAttribute('data-kind'), '法定节假日')
    assert.match((await day.getAttribute('class')) ?? '', /is-holiday/)
    assert.match((await day.getAttribute('title')) ?? '', /临时休息/)
    await shot(page, 'c-year-view-edited')

    // Back on the dashboard the same question has a later answer.
    await page.getByTestId('nav-dashboard').click()
    await waitForCalc(page, '2026-11-26')
    assert.equal(await calcResult(page), '2026-11-26')
    assert.match(await page.getByTestId('today-due').innerText(), /2026-11-26\(周四\)/)
    assert.equal(await page.getByTestId('month-day-2026-11-24').getAttribute('data-kind'), '法定节假日')
    await shot(page, 'c-dashboard-after-edit')

    // 2027 has no data yet: the year view says so.
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('settings-tab-calendar').click()
    await page.getByTestId('cal-day-2026-11-24').waitFor()
    await page.getByTestId('cal-year-next').click()
    await page.getByTestId('cal-not-covered').waitFor()
    assert.match(await page.getByTestId('cal-not-covered').innerText(), /尚未录入该年节假日安排，按周一至周五计算/)
    assert.equal(await page.getByTestId('cal-day-2027-02-06').getAttribute('data-kind'), '周末')

    // Paste the 2027 notice: preview, then apply.
    await page.getByTestId('notice-open').click()
    await field(page, 'notice-text').fill(NOTICE_2027)
    await page.getByTestId('notice-preview-btn').click()
    const preview = page.getByTestId('notice-preview')
    await preview.waitFor()
    assert.equal(await page.getByTestId('notice-preview-year').innerText(), '2027年')
    const lines = await page.getByTestId('notice-lines').innerText()
    assert.match(lines, /元旦/)
    assert.match(lines, /春节/)
    assert.match(lines, /02-06\(周六\)/)
    // The dialog takes the year from the notice's title, so the parser has nothing to warn about.
    assert.deepEqual(await page.getByTestId('notice-warning').allInnerTexts(), [])
    assert.match(await page.getByTestId('notice-changes').innerText(), /2027-02-06/)
    await shot(page, 'c-notice-preview', { fullPage: false })
    await page.getByTestId('notice-apply').click()
    await page.getByTestId('notice-dialog').waitFor({ state: 'hidden' })

    // 6 Feb 2027 (Sat) is now a 调休 working day, 1 Jan a holiday, and the banner is gone.
    const feb6 = page.getByTestId('cal-day-2027-02-06')
    await feb6.waitFor()
    await page.waitForFunction(
      () => document.querySelector('[data-testid="cal-day-2027-02-06"]')?.getAttribute('data-kind') === '调休上班',
    )
    assert.match((await feb6.getAttribute('class')) ?? '', /is-makeup/)
    assert.match(await feb6.innerText(), /班/)
    assert.equal(await page.getByTestId('cal-day-2027-01-01').getAttribute('data-kind'), '法定节假日')
    assert.match(await page.getByTestId('cal-years').innerText(), /2027/)
    assert.equal(await page.getByTestId('cal-not-covered').count(), 0)
    await shot(page, 'c-year-2027-imported')
    assert.deepEqual(s.errors, [])
  } finally {
    await s.close()
  }
})
