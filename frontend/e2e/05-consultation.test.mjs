import { test } from 'node:test'
import assert from 'node:assert/strict'
import { statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { byTestId, chooseOption, field, openApp, session, shot, tempDir, timeRender, waitForText } from './harness.mjs'
import { writeCommentFixtures } from './fixtures/comments.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const POLICY_PDF = join(here, '..', '..', 'testdata', 'docimport', 'policy.pdf')
// The 30-day period opened on this day crosses 国庆.
const NOW = '2026-09-21T09:00:00'

/** Types a date into an Element Plus date picker; Enter takes it and closes the panel. */
async function pickDate(page, testId, date) {
  const input = field(page, testId)
  await input.fill(date)
  await input.press('Enter')
  await page.locator('.el-picker-panel:visible').waitFor({ state: 'hidden' })
}

async function idFromUrl(page, prefix) {
  await page.waitForURL(new RegExp(`#/${prefix}/\\d+`))
  return Number(new RegExp(`#/${prefix}/(\\d+)`).exec(page.url())[1])
}

test('a demo consultation with its comments renders in under 500 ms', async () => {
  const s = await session()
  try {
    const { page } = s
    // Timed three times from the list (the best of three: other work on the machine only adds time).
    const times = []
    for (let i = 0; i < 3; i++) {
      await openApp(page, '/consultations')
      const link = page.locator('[data-testid^="consultation-link-"]').first()
      await link.waitFor()
      times.push(
        await timeRender(page, () => link.click(), [
          byTestId('consultation-counts'),
          byTestId('consultation-history'),
          `${byTestId('comment-table')} .el-table__body tr`,
        ]),
      )
    }
    console.log(`consultation page rendered in ${times.join(', ')} ms`)
    assert.ok(Math.min(...times) < 500, `the consultation page took ${times.join(', ')} ms to render`)
    await shot(page, 'e-consultation-rendered', { fullPage: false })

    // At the window's minimum width the rows' 操作 stays on screen, without sideways scrolling.
    await page.setViewportSize({ width: 1100, height: 760 })
    const table = page.getByTestId('comment-table')
    const action = table.locator('[data-testid^="comment-actions-"]').first()
    await action.waitFor()
    await page.waitForTimeout(300) // el-table lays its columns out again after the resize
    await shot(page, 'e-comments-1100-table', { fullPage: false })
    const box = await action.boundingBox()
    assert.ok(box && box.x + box.width <= 1100, `操作 at x=${box?.x}`)
    const wrap = table.locator('.el-scrollbar__wrap').first()
    const [scrollWidth, clientWidth] = await wrap.evaluate((el) => [el.scrollWidth, el.clientWidth])
    assert.ok(scrollWidth <= clientWidth + 1, `the comment table scrolls sideways (${scrollWidth} > ${clientWidth})`)
    await action.click()
    await page.getByTestId('comment-menu').waitFor()
    await shot(page, 'e-comments-1100', { fullPage: false })
    await page.getByTestId('comment-menu-decide').click()
    await page.getByTestId('decide-dialog').waitFor()
    await page.getByTestId('decide-texts').locator('.text').first().waitFor()
    assert.equal(await page.getByTestId('decide-decision').locator('.is-checked').count(), 0, 'no decision is chosen in advance')
    await shot(page, 'e-decide-one-1100', { fullPage: false })
    assert.deepEqual(s.errors, [])
  } finally {
    await s.close()
  }
})

test('the 采纳情况说明 of a closed consultation counts down on the calendar and shows red once overdue', async () => {
  const s = await session()
  try {
    const { page } = s
    const reportBadge = async () => {
      await openApp(page, '/consultations')
      await page.getByTestId('consultation-status-已截止').click()
      // the demo's 城市更新 consultation closed about two weeks ago and its report is not online yet
      const row = page.locator(`${byTestId('consultation-table')} .el-table__body tr`, { hasText: '城市更新实施办法' })
      await row.waitFor()
      const badge = row.locator('[data-testid^="report-badge-"]')
      const due = (await row.innerText()).match(/应于(\d{4}-\d{2}-\d{2})前发布/)
      assert.ok(due, `no due date in the row: ${await row.innerText()}`)
      return { text: (await badge.innerText()).trim(), cls: await badge.getAttribute('class'), due: due[1] }
    }
    const before = await reportBadge()
    assert.match(before.text, /^(待发布 剩余\d+个工作日|今日到期)$/)
    assert.doesNotMatch(before.cls, /badge--grey/)

    // A one-working-day limit (设置 → 单位信息) makes it overdue: red, counted in working days, in the list and on the page.
    await openApp(page, '/settings/bureau')
    const input = field(page, 'report-due-workdays')
    await input.fill('1')
    await input.press('Tab')
    await page.getByTestId('report-due-save').click()
    await page.locator('.el-message--success').first().waitFor()
    const after = await reportBadge()
    assert.match(after.text, /^已超期\d+个工作日$/)
    assert.match(after.cls, /badge--red/)
    assert.ok(after.due < before.due, `due ${after.due} should come before ${before.due}`)
    await shot(page, 'e-consultation-list-report-overdue', { fullPage: false })
    await page.locator(`${byTestId('consultation-table')} .el-table__body tr`, { hasText: '城市更新实施办法' }).locator('a').first().click()
    const state = page.getByTestId('consultation-report-state')
    await state.waitFor()
    assert.equal((await state.innerText()).trim(), `采纳情况说明${after.text}`)
    assert.match(await state.getAttribute('class'), /badge--red/)
    await shot(page, 'e-consultation-report-overdue', { fullPage: false })
    // its 采纳情况说明 tab says by when it was due
    await page.getByTestId('tab-report').click()
    await page.getByTestId('report-due').waitFor()
    assert.equal((await page.getByTestId('report-due').innerText()).replace(/\s+/g, ''), `应于${after.due}前发布（${after.text}）`)

    // The 工作台 counts the same report overdue, with the same label.
    await openApp(page, '/dashboard')
    await page.getByTestId('today-scope').getByText('全部').click()
    await page.waitForSelector('[data-testid="today-deadlines"][data-scope="all"]')
    await page.getByTestId('today-group-overdue').waitFor()
    if (await page.getByTestId('today-more-overdue').count()) await page.getByTestId('today-more-overdue').click()
    const entry = page.getByTestId('today-group-overdue').locator(byTestId('deadline-consultation.report_due'), { hasText: '城市更新实施办法' })
    await entry.first().waitFor()
    assert.match(await entry.first().innerText(), new RegExp(after.text))
    assert.deepEqual(s.errors, [])
  } finally {
    await s.close()
  }
})

test('征求意见: register a policy from a PDF, open a consultation, import, group, decide, report, export', async () => {
  const s = await session({ now: NOW })
  const files = tempDir('pd-e2e-comments-')
  try {
    const { page } = s
    const fixtures = await writeCommentFixtures(files.dir)

    // The list, with the demo's consultations.
    await openApp(page, '/consultations')
    await page.getByTestId('consultation-table').waitFor()
    await page.locator('[data-testid^="consultation-link-"]').first().waitFor()
    await shot(page, 'e-consultation-list')
    await page.getByTestId('consultation-status-已截止').click()
    await page.waitForFunction(() => !document.querySelector('[data-testid="consultation-table"]')?.textContent?.includes('征求中'))

    // Register a policy: 公开属性依据 is required and the Go side's error appears on that field.
    await page.getByTestId('list-policy-new').click()
    const dialog = page.getByTestId('policy-dialog')
    await dialog.waitFor()
    await field(page, 'policy-title-input').fill('某市规划和自然资源局政策解读工作办法(征求意见稿)')
    await chooseOption(page, 'policy-section', '政策法规组')
    await page.getByTestId('policy-save').click()
    await dialog.locator('.el-form-item__error', { hasText: '请填写公开属性的依据' }).waitFor()
    await field(page, 'policy-basis-input').fill('《中华人民共和国政府信息公开条例》第十九条')
    await page.getByTestId('policy-save').click()
    const policyId = await idFromUrl(page, 'policies')
    await waitForText(page, 'policy-status', '起草')

    // Import the draft from the PDF and see its clauses.
    await page.getByTestId('version-import').click()
    await page.getByTestId('version-dialog').waitFor()
    await page.getByTestId('version-file').setInputFiles(POLICY_PDF)
    await page.getByTestId('version-dialog').waitFor({ state: 'hidden' })
    const tree = page.getByTestId('clause-tree')
    await tree.getByText('第五条', { exact: true }).first().waitFor()
    const treeText = await tree.innerText()
    for (const want of ['第一章', '第一条', '第三条', '同步起草、同步审签、同步发布', '第三章', '第五条']) assert.match(treeText, new RegExp(want))
    assert.match(await page.getByTestId('version-meta').innerText(), /policy\.pdf[\s\S]*PDF/)
    await shot(page, 'e-policy-clauses')

    // Open a consultation: the earliest lawful close date comes from the working-day calendar.
    await page.getByTestId('policy-consult').click()
    await page.getByTestId('consultation-dialog').waitFor()
    await waitForText(page, 'earliest-close', '2026-10-21') // opened today, 2026-09-21: 30 days later is a Wednesday
    await pickDate(page, 'consultation-open', '2026-09-02')
    // 30 days = 2026-10-02, inside 国庆 (10月1日至7日放假, 2026 notice): the next working day, Thursday 10-08.
    await waitForText(page, 'earliest-close', '2026-10-08')
    await pickDate(page, 'consultation-close', '2026-10-07')
    await page.getByTestId('consultation-short-reason').waitFor()
    assert.match(await page.getByTestId('period-message').innerText(), /须填写缩短期限的理由/)
    await shot(page, 'e-consultation-dialog-short', { fullPage: false })
    assert.equal(await page.getByTestId('period-calendar-warning').count(), 0)
    // Opened in December, the earliest close falls in 2027, whose holiday notice is not loaded: a warning says so.
    await pickDate(page, 'consultation-close', '2027-01-08')
    await pickDate(page, 'consultation-open', '2026-12-02')
    await waitForText(page, 'earliest-close', '2027-01-01') // a Friday by Monday-to-Friday alone; in fact 元旦
    assert.match(await page.getByTestId('period-calendar-warning').innerText(), /尚未导入2027年的节假日安排/)
    await shot(page, 'e-consultation-dialog-2027', { fullPage: false })
    await pickDate(page, 'consultation-open', '2026-09-21')
    await waitForText(page, 'earliest-close', '2026-10-21')
    await page.getByTestId('use-earliest').click()
    await page.getByTestId('consultation-short-reason').waitFor({ state: 'detached' })
    assert.equal(await field(page, 'consultation-close').inputValue(), '2026-10-21')
    await field(page, 'consultation-contact').fill('政策法规组，电话0571-8801 2311')
    await field(page, 'consultation-explanation').fill('为落实“谁起草、谁解读”，起草本办法。')
    await page.getByTestId('consultation-save').click()
    const consultationId = await idFromUrl(page, 'consultations')
    await waitForText(page, 'consultation-status', '征求中')
    assert.match(await page.getByTestId('consultation-notices').innerText(), /开始征求/)

    // A sheet with a bad row: the error is listed in Chinese and nothing can be imported.
    await page.getByTestId('tab-import').click()
    await page.waitForURL(`**/#/consultations/${consultationId}/import`)
    await page.getByTestId('import-file').setInputFiles(fixtures.bad)
    await page.getByTestId('import-errors').waitFor()
    assert.match(await page.getByTestId('import-errors').innerText(), /第3行: 缺少意见内容/)
    assert.equal(await page.getByTestId('import-apply').isDisabled(), true)
    assert.match(await page.getByTestId('consultation-counts').innerText(), /^0条/)
    await shot(page, 'e-import-error')

    // 120 comments from the workbook, then 80 from a GBK csv.
    await page.getByTestId('import-file').setInputFiles(fixtures.xlsx)
    await waitForText(page, 'import-counts', '共120行，可导入120行')
    assert.equal(await page.getByTestId('import-errors').count(), 0)
    assert.equal(await page.getByTestId('map-text').locator('.el-select__selected-item:not(.is-hidden)').first().innerText(), '意见内容')
    await page.getByTestId('import-apply').click()
    await page.getByTestId('import-result').waitFor()
    assert.match(await page.getByTestId('import-result-text').innerText(), /导入120条/)
    await page.getByRole('button', { name: '继续导入' }).click()
    await page.getByTestId('import-file').setInputFiles(fixtures.gbk)
    await waitForText(page, 'import-counts', '共80行，可导入80行')
    assert.match(await page.getByTestId('import-encoding').innerText(), /GB/i)
    await shot(page, 'e-import-preview-gbk')
    await page.getByTestId('import-apply').click()
    await page.getByTestId('import-result').waitFor()
    assert.match(await page.getByTestId('import-result-text').innerText(), /导入80条/)

    // The campaigns are grouped; one group is decided at once.
    await page.getByTestId('import-show-groups').click()
    await page.waitForURL(`**/#/consultations/${consultationId}/groups`)
    const first = page.locator('[data-testid^="group-count-"]').first()
    await first.waitFor()
    const biggest = Number((await first.innerText()).replace(/\D/g, ''))
    assert.ok(biggest >= 40, `the largest group has ${biggest} comments`)
    const groupId = (await first.getAttribute('data-testid')).replace('group-count-', '')
    const group = page.getByTestId(`group-${groupId}`)
    await group.locator('.el-collapse-item__header').click()
    await group.locator('[data-testid^="member-"]').nth(1).waitFor()
    await shot(page, 'e-groups')

    // Staff take one member out of the group.
    const member = group.locator('[data-testid^="split-"]').last()
    await member.click()
    await waitForText(page, `group-count-${groupId}`, `${biggest - 1}条`)
    await page.getByTestId(`group-decide-${groupId}`).click()
    await page.getByTestId('decide-dialog').waitFor()
    await page.getByTestId('decide-decision').getByText('不予采纳').click()
    await page.getByTestId('decide-save').click()
    await page.getByTestId('decide-dialog').locator('.el-form-item__error', { hasText: '须填写理由' }).waitFor()
    await field(page, 'decide-reason').fill('解读材料须经审核后发布，发布当天同步公开难以保证质量；本办法规定最迟3个工作日内公开。')
    await field(page, 'decide-response').fill('感谢您的意见。')
    await page.getByTestId('decide-save').click()
    await page.getByTestId('decide-dialog').waitFor({ state: 'hidden' })
    await waitForText(page, `group-decision-${groupId}`, '不予采纳')

    // Some comments are decided in a batch from the ledger.
    await page.getByTestId('tab-comments').click()
    await page.waitForURL(`**/#/consultations/${consultationId}`)
    await chooseOption(page, 'comment-filter-decision', '未处理')
    await page.getByTestId('comment-table').locator('thead .el-checkbox').click()
    await page.getByTestId('comment-decide-selected').click()
    await page.getByTestId('decide-dialog').waitFor()
    // the comments are shown, and nothing is decided in advance: a stray 确定 is refused
    await page.getByTestId('decide-texts').locator('.text').first().waitFor()
    await page.getByTestId('decide-save').click()
    await page.getByTestId('decide-dialog').locator('.el-form-item__error', { hasText: '请选择处理结果' }).waitFor()
    await page.getByTestId('decide-decision').getByText('采纳', { exact: true }).click()
    await field(page, 'decide-response').fill('已采纳，并相应修改。')
    await page.getByTestId('decide-save').click()
    await page.getByTestId('decide-dialog').waitFor({ state: 'hidden' })
    assert.match(await page.getByTestId('consultation-heading').innerText(), /政策解读工作办法/)

    // The report: counts by category and decision, per clause, the reasons for not adopting; three exports.
    await page.getByTestId('tab-report').click()
    const preview = page.getByTestId('report-preview')
    await preview.waitFor()
    assert.match(await page.getByTestId('report-total').innerText(), /共收到意见建议200条/)
    assert.match(await page.getByTestId('report-by-category').innerText(), /自然人/)
    assert.match(await page.getByTestId('report-by-decision').innerText(), /不予采纳/)
    assert.match(await page.getByTestId('report-clauses').innerText(), /第三条/)
    assert.match(await page.getByTestId('report-not-adopted').first().innerText(), /理由：解读材料须经审核后发布/)
    await shot(page, 'e-report-preview')
    for (const kind of ['docx', 'html', 'xlsx']) {
      await page.getByTestId(`export-${kind}`).click()
      const row = page.getByTestId(`exported-${kind}`)
      await row.waitFor()
      const path = (await row.locator('.path').innerText()).trim()
      assert.ok(path.endsWith(`.${kind}`), path)
      assert.ok(statSync(path).size > 0, `${path} is empty`)
    }
    await shot(page, 'e-report-exported', { fullPage: false })

    // The policy list shows it in 征求意见 now.
    await page.getByTestId('nav-consultations').click()
    await page.getByTestId('module-tab-policies').click()
    await page.getByTestId(`policy-status-${policyId}`).waitFor()
    assert.equal(await page.getByTestId(`policy-status-${policyId}`).innerText(), '征求意见')
    await shot(page, 'e-policy-list')

    // The dashboard's 征求意见 entries open these pages (a long group is opened with 显示全部 first).
    const dashboard = async () => {
      await page.getByTestId('nav-dashboard').click()
      await page.locator('[data-testid^="today-group-"]').first().waitFor()
      for (const more of await page.locator('[data-testid^="today-more-"]').all()) await more.click()
    }
    await dashboard()
    await page.getByTestId('deadline-consultation.undecided').first().click()
    await page.waitForURL(/#\/consultations\/\d+\/comments$/)
    await page.getByTestId('comment-table').waitFor()
    await dashboard()
    await page.getByTestId('deadline-consultation.report_due').first().click()
    await page.waitForURL(/#\/consultations\/\d+\/report$/)
    await page.getByTestId('report-preview').waitFor()

    // A campaign's sheet (60,000 identical comments) shows its progress; cancelled, it imports nothing.
    const campaign = join(files.dir, 'campaign.csv')
    writeFileSync(campaign, '意见内容,类别\n' + '反对第三条的表决比例，建议改为四分之三以上业主同意。,自然人\n'.repeat(60000))
    await page.goto(page.url().replace(/#.*$/, `#/consultations/${consultationId}/import`))
    await page.getByTestId('import-file').setInputFiles(campaign)
    await waitForText(page, 'import-counts', '共60000行，可导入60000行')
    await page.getByTestId('import-apply').click()
    await page.getByTestId('import-progress').getByText(/已导入[\d,]+\/60,000行/).waitFor()
    await shot(page, 'e-import-progress', { fullPage: false })
    await page.getByTestId('import-cancel').click()
    await page.getByTestId('import-failure').waitFor()
    assert.match(await page.getByTestId('import-failure').innerText(), /已取消导入“campaign.csv”，没有导入任何意见/)
    await shot(page, 'e-import-cancelled', { fullPage: false })
    assert.deepEqual(s.errors, [])
  } catch (e) {
    await shot(s.page, 'e-failure', { fullPage: false }).catch(() => {})
    throw e
  } finally {
    files.cleanup()
    await s.close()
  }
})
