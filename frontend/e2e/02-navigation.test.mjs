import { test } from 'node:test'
import assert from 'node:assert/strict'
import { field, openApp, session, shot } from './harness.mjs'

// The 局长信箱 inbox and the statistics, each with the element that shows its data has loaded.
const pages = [
  ['mailbox', '局长信箱', 'inbox-table'],
  ['disclosure', '依申请公开', 'disclosure-table'],
  ['reports', '统计报表', 'stats-totals'],
]

test('every sidebar item opens its page', async () => {
  const s = await session()
  try {
    const { page } = s
    await openApp(page, '/dashboard')
    const heading = page.getByTestId('page-title')
    assert.equal(await heading.innerText(), '工作台')

    // 征求意见 is in use: its list of consultations, with the policy register as a tab.
    await page.getByTestId('nav-consultations').click()
    await page.waitForURL('**/#/consultations')
    assert.equal(await heading.innerText(), '征求意见')
    await page.getByTestId('consultation-table').waitFor()

    // 政策解读 is in use: its list of interpretations with their 三同步 deadlines.
    await page.getByTestId('nav-interpretations').click()
    await page.waitForURL('**/#/interpretations')
    assert.equal(await heading.innerText(), '政策解读')
    await page.getByTestId('interp-new').waitFor()

    for (const [key, title, ready] of pages) {
      await page.getByTestId(`nav-${key}`).click()
      await page.waitForURL(`**/#/${key}`)
      assert.equal(await heading.innerText(), title)
      await page.getByTestId(ready).waitFor()
      await shot(page, `b-page-${key}`)
    }

    await page.getByTestId('nav-settings').click()
    await page.waitForURL('**/#/settings/bureau')
    assert.equal(await heading.innerText(), '设置')
    assert.equal(await field(page, 'bureau-name-input').inputValue(), '临江市规划和自然资源局')

    for (const [tab, testid] of [
      ['sections', 'sections-table'],
      ['people', 'people-table'],
      ['calendar', 'year-calendar'],
      ['about', 'about-card'],
    ]) {
      await page.getByTestId(`settings-tab-${tab}`).click()
      await page.waitForURL(`**/#/settings/${tab}`)
      await page.getByTestId(testid).waitFor()
    }
    assert.match(await page.getByTestId('about-version').innerText(), /^\d+\.\d+\.\d+/)
    await page.getByTestId('about-fixed-clock').waitFor()
    await shot(page, 'b-settings-about')

    // /calendar is the deadlines' link to the working-day calendar.
    await page.goto(page.url().replace(/#.*$/, '#/calendar'))
    await page.waitForURL('**/#/settings/calendar')
    await page.getByTestId('year-calendar').waitFor()

    await page.getByTestId('nav-dashboard').click()
    await page.getByTestId('today-card').waitFor()
    assert.equal(await heading.innerText(), '工作台')
    assert.deepEqual(s.errors, [])
  } finally {
    await s.close()
  }
})
