import { test } from 'node:test'
import assert from 'node:assert/strict'
import { field, openApp, session, shot } from './harness.mjs'

// The 局长信箱 inbox and the statistics, each with the element that shows its data has loaded.
const pages = [
  ['mailbox', '局长信箱', 'inbox-table'],
  ['disclosure', '依申请公开', 'disclosure-table'],
  ['reports', '统计报表', 'stats-totals'],
]

// The 工作台 opens on today: each counter matches the entries under its heading, in whichever scope.
async function checkToday(page) {
  const loaded = page.locator('[data-testid^="today-group-"], [data-testid="today-empty"]').first()
  await loaded.waitFor()
  const counts = {}
  for (const key of ['overdue', 'dueToday', 'soon', 'signoffs']) {
    const counter = page.getByTestId(`today-count-${key}`)
    counts[key] = Number(await counter.locator('.counter__value').innerText())
    const group = page.getByTestId(`today-group-${key}`)
    // a long group shows its first six until 显示全部 opens it
    const more = page.getByTestId(`today-more-${key}`)
    if (counts[key] > 6) {
      assert.equal(await group.locator('.deadline').count(), 6, `${key}: a long group starts folded`)
      assert.equal((await more.innerText()).trim(), `显示全部${counts[key]}项`)
      await more.click()
    } else {
      assert.equal(await more.count(), 0)
    }
    assert.equal(await group.locator('.deadline').count(), counts[key], `${key}: counter and list differ`)
  }
  return counts
}

test('the 工作台 groups today under its counters, for me, my section or everybody', async () => {
  const s = await session()
  try {
    const { page } = s
    await openApp(page, '/dashboard')
    // The openness office opens on 全部: the demo's overdue replies and the missing 2027 calendar.
    const scope = page.getByTestId('today-scope')
    await page.locator('[data-testid="today-deadlines"][data-scope="all"]').waitFor()
    await scope.locator('.el-segmented__item.is-selected').filter({ hasText: '全部' }).waitFor()
    const all = await checkToday(page)
    assert.ok(all.overdue > 0, 'the demo has overdue messages')
    const first = page.getByTestId('today-group-overdue').locator('.deadline').first()
    assert.match(await first.innerText(), /已超期\d+个工作日/)
    assert.equal(await page.getByTestId('deadline-calendar.missing_year').count(), 0)
    await page.getByTestId('setup-calendar.missing_year').waitFor()
    await shot(page, 'b-dashboard-today')

    await scope.getByText('我的', { exact: true }).click()
    await scope.locator('.el-segmented__item.is-selected').filter({ hasText: '我的' }).waitFor()
    await page.locator('[data-testid="today-deadlines"][data-scope="mine"]').waitFor()
    const mine = await checkToday(page)
    assert.ok(mine.overdue <= all.overdue && mine.soon <= all.soon)
    await shot(page, 'b-dashboard-mine')

    // The banner leads to the fix: the calendar settings, where next year's notice is imported.
    await page.getByTestId('setup-fix').click()
    await page.waitForURL('**/#/settings/calendar')
    await page.getByTestId('year-calendar').waitFor()
    assert.deepEqual(s.errors, [])
  } finally {
    await s.close()
  }
})

test('every sidebar item opens its page', async () => {
  const s = await session()
  try {
    const { page } = s
    await openApp(page, '/dashboard')
    const heading = page.getByTestId('page-title')
    assert.equal(await heading.innerText(), '工作台')
    await checkToday(page)

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
