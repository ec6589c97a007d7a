import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import iconv from 'iconv-lite'
import { byTestId, chooseOption, field, openApp, session, shot, tempDir, timeRender, waitForText } from './harness.mjs'
import { signInAs } from './signin.mjs'

// Friday 2026-11-20: messages received this week are due next week, through the working-day calendar.
const NOW = '2026-11-20T09:00:00'
const PLANTED_PHONE = '13812345678'
const SUBJECT = '二手房过户办理不动产登记需要哪些材料'

// The website's export as the mailbox staff receive it: a GBK csv without a BOM.
const HEADERS = ['留言编号', '留言时间', '留言人', '联系电话', '留言标题', '留言内容', '留言类型', '是否同意公开']
const ROWS = [
  ['W20261101', '2026-11-18 10:12', '钱芳', '13900001111', SUBJECT,
    `我准备购买一套二手房，请问办理过户和不动产登记需要买卖双方带哪些材料？需要提前预约吗？我的电话${PLANTED_PHONE}，谢谢。`, '咨询', '是'],
  ['W20261102', '2026-11-18 15:40', '孙强', '', '宅基地上建房需要办什么手续', '村里宅基地上翻建房屋，需要办理乡村建设规划许可吗？宅基地不动产登记怎么办理？', '咨询', '否'],
  ['W20261103', '2026-11-19 09:05', '匿名', '', '举报小区楼顶违建', '我们小区12栋楼顶有住户私搭乱建，搭建了两层违建阳光房，请尽快查处违法建设。', '举报', '否'],
  ['W20261104', '2026-11-19 11:30', '周婷', '13700002222', '房产证遗失补办', '家里的房产证丢了，不动产权证书遗失补办需要登报吗？多久能拿到？', '咨询', '是'],
  ['W20261105', '2026-11-19 14:20', '吴磊', '', '老旧小区改造什么时候开始', '我们是东园小区的居民，听说要进行老旧小区改造和城市更新，请问什么时候开工？', '咨询', '是'],
  ['W20261106', '2026-11-19 16:45', '郑洁', '', '征地补偿标准', '我家的地被征收了，请问征地补偿标准是多少？安置房什么时候交付？', '咨询', '否'],
  ['W20261107', '2026-11-20 08:10', '王刚', '', '村民在基本农田上挖塘', '我们村有人在基本农田上挖鱼塘，占用耕地，请管一管。', '举报', '否'],
  ['W20261108', '2026-11-20 08:30', '冯丽', '', '控规调整公示在哪里看', '请问我们片区的控规调整和容积率变化在哪里公示？规划许可能否查询？', '咨询', '是'],
  ['W20261109', '2026-11-20 08:40', '陈晨', '', '违建厂房无人管', '城北工业园旁边有违章建筑厂房，属于违法用地，举报多次没有人管。', '投诉', '否'],
  ['W20261110', '2026-11-20 08:50', '褚明', '', '宅基地违建被举报', '邻居在宅基地上违建三层楼房，超出批准面积，影响我家采光，请求处理。', '投诉', '否'],
]

/**
 * Works as the named person (signs out and signs in with their demo account): sign-off is for approvers, and
 * nobody approves what they submitted.
 */
const switchUser = signInAs

function csv(rows) {
  const cell = (v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}

/** The number a tab or badge shows. */
const numberIn = async (locator) => Number((await locator.innerText()).replace(/\D/g, ''))

test('局长信箱 opens on the overdue first, counts them on the tabs, and routes several messages at once', async () => {
  const s = await session({ now: NOW })
  try {
    const { page } = s
    await openApp(page, '/mailbox')
    await page.locator('[data-testid^="message-link-"]').first().waitFor()
    assert.match(await page.getByTestId('inbox-sort').innerText(), /超期优先/)

    // 全部 counts every overdue message; each state's tab its own; the first rows are those, by due date.
    const overdue = await numberIn(page.getByTestId('inbox-overdue-all'))
    assert.ok(overdue > 0, 'the demo has overdue messages')
    let perState = 0
    for (const tab of await page.locator('[data-testid^="inbox-overdue-"]:not([data-testid="inbox-overdue-all"])').all()) {
      perState += await numberIn(tab)
    }
    assert.equal(perState, overdue)
    const badges = page.locator('[data-testid="inbox-table"] .el-table__body [data-testid^="due-"]')
    const shown = Math.min(overdue, await badges.count())
    for (let i = 0; i < shown; i++) assert.match(await badges.nth(i).innerText(), /已超期\d+个工作日/)
    if (overdue < (await badges.count())) assert.doesNotMatch(await badges.nth(overdue).innerText(), /已超期/)
    await shot(page, 'g-mailbox-overdue-first')

    // At the window's minimum width every column stays on screen, without sideways scrolling.
    await page.setViewportSize({ width: 1100, height: 760 })
    await page.waitForTimeout(300) // el-table lays its columns out again after the resize
    const wrap = page.getByTestId('inbox-table').locator('.el-scrollbar__wrap').first()
    const [scrollWidth, clientWidth] = await wrap.evaluate((el) => [el.scrollWidth, el.clientWidth])
    await shot(page, 'g-mailbox-1100', { fullPage: false })
    assert.ok(scrollWidth <= clientWidth + 1, `the inbox scrolls sideways at 1100 px (${scrollWidth} > ${clientWidth})`)
    await page.setViewportSize({ width: 1360, height: 860 })

    // 批量分办: tick the messages waiting in 待分办 and give them to one section at once.
    await page.getByTestId('inbox-state-待分办').click()
    await page.waitForURL(/state=/)
    const waiting = await numberIn(page.getByTestId('inbox-count-待分办'))
    assert.ok(waiting >= 2, `${waiting} messages wait in 待分办`)
    const ticks = page.locator('[data-testid="inbox-table"] .el-table__body .el-checkbox')
    await ticks.nth(0).click()
    await ticks.nth(1).click()
    await waitForText(page, 'inbox-selected', '已选 2 条')
    await page.getByTestId('inbox-bulk-assign').click()
    await chooseOption(page, 'bulk-assign-section', '确权登记组')
    await shot(page, 'g-mailbox-bulk-assign', { fullPage: false })
    await page.getByTestId('bulk-assign-save').click()
    await page.locator('.el-message', { hasText: '已分办2条留言' }).waitFor()
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="inbox-count-待分办"]')?.textContent === String(n),
      waiting - 2,
    )

    // 我的: the messages of the signed-in 承办人, in the address like every filter.
    await page.getByTestId('inbox-mine').click()
    await page.waitForURL(/assigneeId=\d+/)
    await page.getByTestId('inbox-total').waitFor()
    assert.deepEqual(s.errors, [])
  } finally {
    await s.close()
  }
})

test('an overdue message: 催办 reaches its handler, a late reply needs its 超期说明, 延期申请 is decided by its approver; the page renders in under 500 ms', async () => {
  const s = await session({ now: NOW })
  try {
    const { page } = s
    await openApp(page, '/mailbox')
    await signInAs(page, '林雨桐')
    await page.getByTestId('inbox-state-办理中').click()
    await page.waitForURL(/state=/)
    const first = page.locator('[data-testid^="message-link-"]').first()
    await first.waitFor()
    assert.match(await page.locator('[data-testid="inbox-table"] .el-table__body [data-testid^="due-"]').first().innerText(), /已超期/)
    const id = Number((await first.getAttribute('data-testid')).replace('message-link-', ''))

    // The message page, timed from the click to the frame showing its text, matches, history and banner; the
    // best of three (other work on the machine only adds time).
    const times = []
    for (let i = 0; i < 3; i++) {
      if (i > 0) {
        await page.goBack()
        await first.waitFor()
      }
      times.push(await timeRender(page, () => first.click(), ['message-text', 'message-history', 'overdue-banner'].map(byTestId)))
    }
    console.log(`message page rendered in ${times.join(', ')} ms`)
    assert.ok(Math.min(...times) < 500, `the message page took ${times.join(', ')} ms to render`)

    const banner = page.getByTestId('overdue-banner')
    assert.match(await banner.innerText(), /已超期\d+个工作日/)
    assert.match(await banner.innerText(), /超期说明/)
    const handler = (await page.getByTestId('message-head').innerText()).match(/承办人：(\S+)/)[1]
    await page.getByTestId('act-remind').click()
    await page.getByTestId('remind-hint').waitFor()
    await field(page, 'remind-note').fill('请今日下班前提交答复审核')
    await page.getByTestId('action-save').click()
    await page.getByTestId('action-dialog').waitFor({ state: 'hidden' })
    await page.getByTestId('overdue-reminder').filter({ hasText: '林雨桐' }).waitFor()
    assert.match(await page.getByTestId('overdue-reminder').innerText(), /第1次.*请今日下班前提交答复审核/)
    await page.getByTestId('history-催办').waitFor()
    await shot(page, 'g-mailbox-overdue-banner', { fullPage: false })

    // The handler sees the reminder; a reply after the due date is refused without its 超期说明.
    await signInAs(page, handler)
    await openApp(page, `/mailbox/${id}`)
    await page.getByTestId('overdue-reminder').filter({ hasText: '您被催办' }).waitFor()
    assert.equal(await page.getByTestId('act-remind').count(), 0)
    await page.getByTestId('reply-late-note').waitFor()
    await field(page, 'reply-body').fill('您好！您反映的问题已收悉，现答复如下：可以网上预约办理。')
    await page.locator('[data-testid="reply-approver"]').click()
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item').first().click()
    await page.getByTestId('reply-submit').click()
    await page.getByTestId('reply-error').waitFor()
    assert.match(await page.getByTestId('reply-error').innerText(), /请填写超期说明/)

    // 延期申请: never for an overdue message (DOMAIN.md §4: its clock cannot stop)…
    assert.equal(await page.getByTestId('act-extend').isDisabled(), true)
    assert.match(await banner.innerText(), /超期的留言不能再延期/)
    // …but for an open one still within its time: every field's error at once, then a request that waits for its
    // approver.
    await openApp(page, '/mailbox?state=办理中&sort=received_desc')
    const dues = page.locator('[data-testid="inbox-table"] .el-table__body [data-testid^="due-"]')
    await dues.first().waitFor()
    let timely = 0
    for (let i = 0; i < (await dues.count()) && !timely; i++) {
      if (/剩余|今日到期/.test(await dues.nth(i).innerText())) timely = Number((await dues.nth(i).getAttribute('data-testid')).replace('due-', ''))
    }
    assert.ok(timely, 'an open message within its time')
    await openApp(page, `/mailbox/${timely}`)
    await page.getByTestId('message-text').waitFor()
    await page.getByTestId('act-extend').click()
    await page.getByTestId('extend-hint').waitFor()
    await page.getByTestId('action-save').click()
    const dialog = page.getByTestId('action-dialog')
    await dialog.locator('.el-form-item__error', { hasText: '延期天数须为1至15个工作日' }).waitFor()
    await dialog.locator('.el-form-item__error', { hasText: '请填写延期理由' }).waitFor()
    await dialog.locator('.el-form-item__error', { hasText: '请选择批准人' }).waitFor()
    await shot(page, 'g-mailbox-extend-dialog', { fullPage: false })
    await page.getByTestId('extend-days').locator('input').fill('3')
    await page.getByTestId('extend-days').locator('input').press('Tab')
    await field(page, 'extend-reason').fill('需现场踏勘并会同不动产登记中心核实')
    await page.getByTestId('extend-approver').click()
    const option = page.locator('.el-select-dropdown:visible .el-select-dropdown__item').first()
    const approver = (await option.innerText()).split('·')[0].trim()
    await option.click()
    await page.getByTestId('action-save').click()
    await page.getByTestId('action-dialog').waitFor({ state: 'hidden' })
    await page.getByTestId('extension-request').filter({ hasText: `待 ${approver} 批准` }).waitFor()
    const dueBefore = (await page.getByTestId('message-head').innerText()).match(/答复期限 (\d{4}-\d\d-\d\d)/)[1]

    await signInAs(page, approver)
    await openApp(page, `/mailbox/${timely}`)
    await page.getByTestId('extend-approve').click()
    await page.getByTestId('extend-request-reason').waitFor()
    await page.getByTestId('action-save').click()
    await page.getByTestId('action-dialog').waitFor({ state: 'hidden' })
    await page.getByTestId('history-延期').waitFor()
    assert.equal(await page.getByTestId('extension-request').count(), 0)
    // three working days from the due date, through the working-day calendar
    const dueAfter = (await page.getByTestId('message-head').innerText()).match(/答复期限 (\d{4}-\d\d-\d\d)（经批准延期3个工作日）/)
    assert.ok(dueAfter, 'the new due date and the days granted are shown')
    assert.ok(dueAfter[1] > dueBefore, `due ${dueBefore} → ${dueAfter[1]}`)
    assert.equal(await page.getByTestId('overdue-banner').count(), 0)
    await shot(page, 'g-mailbox-extended', { fullPage: false })
    assert.deepEqual(s.errors, [])
  } finally {
    await s.close()
  }
})

async function openMessageBySearch(page, text) {
  await field(page, 'inbox-search').fill(text)
  await page.waitForURL(/text=/)
  const link = page.locator('[data-testid^="message-link-"]', { hasText: text }).first()
  await link.waitFor()
  await link.click()
  await page.waitForURL(/#\/mailbox\/\d+$/)
  await page.getByTestId('message-text').waitFor()
}

test('局长信箱: import a GBK file, route with highlights, re-route, reply, sign off, publish masked, export statistics', async () => {
  const s = await session({ now: NOW })
  const files = tempDir('pd-e2e-mail-')
  try {
    const { page } = s
    const gbk = join(files.dir, '留言导出.csv')
    writeFileSync(gbk, iconv.encode(csv([HEADERS, ...ROWS]), 'gbk'))

    // The inbox with the demo's messages: states with counts, due badges.
    await openApp(page, '/mailbox')
    await page.locator('[data-testid^="message-link-"]').first().waitFor()
    const countAll = async () => Number(await page.getByTestId('inbox-count-all').innerText())
    await page.getByTestId('inbox-count-all').waitFor()
    const before = await countAll()
    assert.ok(before > 50, `the demo has ${before} messages`)
    assert.match(await page.getByTestId('inbox-table').innerText(), /剩余\d+个工作日|今日到期|已超期\d+个工作日/)

    // Import: the encoding is detected, the columns are mapped from the headers, every row is routed.
    await page.getByTestId('mailbox-import-link').click()
    await page.getByTestId('mailbox-import-file').setInputFiles(gbk)
    await waitForText(page, 'mailbox-import-counts', '共10行，重复0行，可导入10行')
    assert.match(await page.getByTestId('mailbox-import-encoding').innerText(), /GB/i)
    assert.equal(await page.getByTestId('mailbox-import-errors').count(), 0)
    assert.match(await page.getByTestId('mailbox-import-rows').innerText(), /宅基地上建房/)
    await shot(page, 'g-mailbox-import-preview')
    await page.getByTestId('mailbox-import-apply').click()
    await page.getByTestId('mailbox-import-result').waitFor()
    const resultText = await page.getByTestId('mailbox-import-result-text').innerText()
    assert.match(resultText, /导入10条，跳过重复0条/)
    const [, routed, pending] = /自动分办(\d+)条，待人工分办(\d+)条/.exec(resultText).map(Number)
    assert.equal(routed + pending, 10)

    // Importing the same file again finds only duplicates.
    await page.getByRole('button', { name: '继续导入' }).click()
    await page.getByTestId('mailbox-import-file').setInputFiles(gbk)
    await waitForText(page, 'mailbox-import-counts', '共10行，重复10行，可导入0行')
    assert.equal(await page.getByTestId('mailbox-import-apply').isDisabled(), true)

    await page.getByTestId('nav-mailbox').click()
    await page.getByTestId('inbox-state-all').waitFor()
    await page.waitForFunction((n) => document.querySelector('[data-testid="inbox-count-all"]')?.textContent === String(n), before + 10)
    await shot(page, 'g-mailbox-inbox')

    // A phone call entered by hand: the type is suggested from the text, the message is routed and opened.
    await page.getByTestId('mailbox-new-message').click()
    await page.getByTestId('new-message-dialog').waitFor()
    await chooseOption(page, 'new-message-channel', '电话')
    await field(page, 'new-message-name').fill('卫红')
    await field(page, 'new-message-phone').fill('13655556666')
    await field(page, 'new-message-subject').fill('来电咨询房产证遗失补办')
    await field(page, 'new-message-body').fill('来电人询问不动产权证书遗失后如何补办，需要带哪些材料，是否需要登报声明。')
    await waitForText(page, 'new-message-suggested', '建议：咨询')
    await page.getByTestId('new-message-save').click()
    await page.waitForURL(/#\/mailbox\/\d+$/)
    await page.getByTestId('message-text').waitFor()
    assert.match(await page.getByTestId('message-text').innerText(), /不动产权证书遗失后如何补办/)
    assert.match(await page.getByTestId('message-head').innerText(), /· 电话 · 收件 /)
    assert.match(await page.getByTestId('message-due').innerText(), /剩余\d+个工作日|今日到期/)
    await page.getByTestId('back-to-inbox').click()
    await page.getByTestId('inbox-table').waitFor()

    // Re-route the message about a 违建 on a 宅基地: the history records it.
    await openMessageBySearch(page, '宅基地违建被举报')
    assert.ok((await page.locator('[data-testid="message-text"] mark').count()) > 0, 'matched words are marked')
    await page.getByTestId('act-reroute').click()
    await page.getByTestId('action-dialog').waitFor()
    await chooseOption(page, 'reroute-topic', '违法用地举报')
    await field(page, 'action-reason').fill('宅基地超面积建房属违法建设，由执法监察支队查处')
    await page.getByTestId('action-save').click()
    await page.getByTestId('action-dialog').waitFor({ state: 'hidden' })
    await waitForText(page, 'message-topic', '违法用地举报')
    await waitForText(page, 'message-section', '执法监察支队')
    const history = page.getByTestId('message-history')
    await history.getByTestId('history-改派').waitFor()
    assert.match(await history.innerText(), /宅基地超面积建房属违法建设/)

    // The message with the planted phone number: routed to 不动产登记 with its words marked.
    await page.getByTestId('back-to-inbox').click()
    await page.getByTestId('inbox-table').waitFor()
    await field(page, 'inbox-search').fill('')
    await openMessageBySearch(page, SUBJECT)
    const marks = await page.locator('[data-testid="message-text"] mark').allInnerTexts()
    assert.ok(marks.length > 0, 'matched words are marked')
    assert.ok(marks.some((m) => /不动产|过户/.test(m)), `marks: ${marks.join(',')}`)
    assert.match(await page.getByTestId('topic-match-0').innerText(), /不动产登记/)
    if ((await page.getByTestId('message-state').innerText()) === '待分办') {
      await page.getByTestId('act-reroute').click()
      await chooseOption(page, 'reroute-topic', '不动产登记')
      await field(page, 'action-reason').fill('确认属不动产登记咨询')
      await page.getByTestId('action-save').click()
      await page.getByTestId('action-dialog').waitFor({ state: 'hidden' })
    }
    await waitForText(page, 'message-state', '办理中')
    await waitForText(page, 'message-section', '确权登记组')
    await shot(page, 'g-mailbox-detail')

    // Reply with a template, quoting a similar past reply.
    await page.getByTestId('reply-editor').waitFor()
    await chooseOption(page, 'reply-template', '咨询类答复')
    await page.waitForFunction(() => (document.querySelector('textarea[data-testid="reply-body"], [data-testid="reply-body"] textarea')?.value ?? '').includes('钱芳'))
    const body = await field(page, 'reply-body').inputValue()
    assert.doesNotMatch(body, /\{称呼\}|\{收件日期\}|\{承办科室\}/)
    const similar = page.locator('[data-testid^="similar-"]:not([data-testid="similar-messages"]):not([data-testid="similar-quote"])')
    await similar.first().waitFor()
    assert.match(await page.getByTestId('similar-messages').innerText(), /过户|转移登记/)
    // Quoting takes the past reply's substance: not its greeting and acknowledgement, which the template has.
    const quoted = (await similar.first().locator('.sim__reply').innerText()).trim().split('\n').filter(Boolean)[1]
      .replace(/^您好！[^。！]*已收悉。/, '')
    await similar.first().getByTestId('similar-quote').click()
    await page.waitForFunction(
      (q) => (document.querySelector('textarea[data-testid="reply-body"], [data-testid="reply-body"] textarea')?.value ?? '').includes(q),
      quoted.slice(0, 20),
    )
    const replied = await field(page, 'reply-body').inputValue()
    assert.equal(replied.match(/您好/g)?.length ?? 0, 1, `one greeting in the quoted reply: ${replied}`)
    await page.getByTestId('reply-editor').scrollIntoViewIfNeeded()
    await shot(page, 'g-mailbox-reply', { fullPage: false })
    await chooseOption(page, 'reply-approver', '张卫东')
    await page.getByTestId('reply-submit').click()
    await waitForText(page, 'message-state', '待审核')

    // Only an approver signs it off: for the officer who wrote the reply the buttons are disabled and say who may.
    assert.ok(await page.getByTestId('act-approve').isDisabled(), 'the writer of a reply cannot approve it')
    await page.getByTestId('act-approve').locator('..').hover()
    await page.locator('.el-popper', { hasText: '不能由本人审核通过' }).first().waitFor()
    await page.evaluate(() => document.querySelectorAll('.el-message').forEach((m) => m.remove()))
    await page.waitForTimeout(400) // let the tooltip's fade-in finish
    await shot(page, 'g-mailbox-approve-blocked', { fullPage: false })
    await switchUser(page, '张卫东')
    await page.getByTestId('act-approve').click()
    await field(page, 'action-opinion').fill('同意答复')
    await page.getByTestId('action-save').click()
    await waitForText(page, 'message-state', '已答复')
    await switchUser(page, '周明远')
    assert.match(await page.getByTestId('message-due').innerText(), /按时答复/)

    // Publication: exactly what goes on the website, with the phone number masked.
    await page.getByTestId('act-publish').click()
    const dialog = page.getByTestId('publication-dialog')
    await dialog.getByTestId('publication-message').waitFor()
    const published = await dialog.getByTestId('publication-message').innerText()
    assert.match(published, /138\*\*\*\*5678/)
    assert.doesNotMatch(published, new RegExp(PLANTED_PHONE))
    assert.match(await dialog.getByTestId('publication-items').innerText(), /13812345678\s*→\s*138\*\*\*\*5678/)
    assert.match(await dialog.getByTestId('publication-reply').innerText(), /钱\*/)
    await page.waitForTimeout(400) // let the dialog's opening animation finish
    await shot(page, 'g-mailbox-publication', { fullPage: false })

    // A masked item can be published as written with a recorded reason, and the decision withdrawn.
    await dialog.getByTestId('publication-items').locator('tr', { hasText: '钱芳' }).getByTestId('publication-keep').click()
    const box = page.locator('.el-message-box')
    await box.locator('input').fill('留言人')
    await box.getByRole('button', { name: '保留原文' }).click()
    await box.getByText('请写明理由(至少4个字)').waitFor() // too short a reason is refused at once
    await box.locator('input').fill('留言人书面同意署名公开')
    await box.getByRole('button', { name: '保留原文' }).click()
    await dialog.getByTestId('publication-kept').waitFor()
    await box.waitFor({ state: 'hidden' })
    assert.match(await dialog.getByTestId('publication-kept').innerText(), /姓名“钱芳”\s*理由：留言人书面同意署名公开 · 周明远/)
    assert.match(await dialog.getByTestId('publication-reply').innerText(), /钱芳同志/)
    await shot(page, 'g-mailbox-publication-kept', { fullPage: false })
    await dialog.getByTestId('publication-kept').getByRole('button', { name: '撤销' }).click()
    await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click()
    await dialog.getByTestId('publication-kept').waitFor({ state: 'detached' })
    assert.match(await dialog.getByTestId('publication-reply').innerText(), /钱\*同志/)
    await dialog.getByTestId('publication-confirm').click()
    await dialog.waitFor({ state: 'hidden' })
    await waitForText(page, 'message-state', '已公开')
    await page.getByTestId('message-history').getByTestId('history-公开').waitFor()

    // November's statistics, exported; the HTML's received count matches the page.
    await page.getByTestId('nav-reports').click()
    await page.waitForURL('**/#/reports')
    await waitForText(page, 'stats-period', '统计期间 2026-11-01 至 2026-11-30，办理中和超期数截至 2026-11-20')
    const received = Number(await page.getByTestId('stats-received').innerText())
    assert.ok(received >= 10, `received ${received}`)
    assert.match(await page.getByTestId('stats-by-topic').innerText(), /不动产登记/)
    await page.locator('[data-testid="stats-chart"] canvas').waitFor()
    const paths = {}
    for (const kind of ['html', 'xlsx']) {
      await page.getByTestId(`export-stats-${kind}`).click()
      const row = page.getByTestId(`exported-${kind}`)
      await row.waitFor()
      paths[kind] = (await row.locator('.path').innerText()).trim()
      assert.ok(paths[kind].endsWith(`.${kind}`), paths[kind])
      assert.ok(statSync(paths[kind]).size > 0, `${paths[kind]} is empty`)
    }
    const html = readFileSync(paths.html, 'utf8')
    const total = /<tr class="total"><td>合计<\/td><td>(\d+)<\/td>/.exec(html)
    assert.ok(total, 'the HTML has the 合计 row')
    assert.equal(Number(total[1]), received)
    for (const kind of ['html', 'xlsx']) assert.equal(dirname(paths[kind]), join(s.dataDir, 'exports'))
    await page.getByTestId('chart-png').click()
    await page.getByTestId('exported-png').waitFor()
    const png = (await page.getByTestId('exported-png').locator('.path').innerText()).trim()
    assert.ok(png.endsWith('局长信箱月度趋势_2026-11-30.png'), png)
    assert.deepEqual([...readFileSync(png).subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    await shot(page, 'g-reports')
    assert.deepEqual(s.errors, [])
  } catch (e) {
    await shot(s.page, 'g-failure', { fullPage: false }).catch(() => {})
    throw e
  } finally {
    files.cleanup()
    await s.close()
  }
})
