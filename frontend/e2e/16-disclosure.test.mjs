import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chooseOption, field, openApp, session, shot, waitForText } from './harness.mjs'
import { signEveryStep, signInAs } from './signin.mjs'

/** Types a date into an Element Plus date picker; Enter takes it and closes the panel. */
async function pickDate(page, testId, date) {
  const input = field(page, testId)
  await input.fill(date)
  await input.press('Enter')
  await page.locator('.el-picker-panel:visible').waitFor({ state: 'hidden' })
}

/** Generates a letter, checks the DOCX is there and returns its text. */
async function letter(page, kind) {
  await page.getByTestId(`letter-${kind}`).click()
  await page.getByTestId('letter-path').getByText(kind).waitFor()
  const path = (await page.getByTestId('letter-path').innerText()).replace(/^已生成：/, '').trim()
  assert.ok(path.endsWith(`${kind}.docx`), path)
  assert.ok(statSync(path).size > 2000, `${path} is too small`)
  return execFileSync('unzip', ['-p', path, 'word/document.xml'], { encoding: 'utf8' }).replace(/<[^>]+>/g, '')
}

// Friday 2026-11-20. A letter that arrived on Monday and was confirmed with the applicant on Tuesday 11-17 is due
// 20 working days later (2026-12-15); a 补正 received today restarts the count (2026-12-18).
test('依申请公开: by 信函, 补正, extension with approval, 部分公开 with its 答复书 posted, counted in table 三', async () => {
  const s = await session()
  try {
    const { page } = s
    await openApp(page, '/disclosure')
    await page.getByTestId('disclosure-table').waitFor()
    // the demo register's 部分公开 of 2026 before this one
    const partlyRow = async () => {
      await page.getByTestId('tab-report').click()
      const row = page.getByTestId('report-table3').locator('tr', { hasText: '（二）部分公开' })
      await row.waitFor()
      return row.locator('td').allInnerTexts()
    }
    const before = await partlyRow()
    const table4 = async () => page.getByTestId('report-table4').locator('tbody td').allInnerTexts()
    const before4 = await table4()
    await page.getByTestId('tab-register').click()
    await page.getByTestId('disclosure-new').click()
    await page.getByTestId('disclosure-intake').waitFor()
    // the receipt-date rule follows the channel: a letter counts from the confirmation with the applicant
    await page.getByTestId('intake-channel').getByText('信函').click()
    await pickDate(page, 'intake-arrived', '2026-11-16')
    await pickDate(page, 'intake-confirmed', '2026-11-17')
    await field(page, 'intake-applicant').fill('周文斌')
    await field(page, 'intake-contact').fill('临江市滨江街道望江苑3幢')
    await field(page, 'intake-content').fill('滨江街道集体土地征收补偿安置方案及批复文件')
    await chooseOption(page, 'intake-section', '用途管制组')
    await shot(page, 'q-intake', { fullPage: false })
    await page.getByTestId('intake-save').click()

    await page.waitForURL(/#\/disclosure\/\d+$/)
    await waitForText(page, 'disclosure-due', '2026-12-15')
    assert.match(await page.getByTestId('disclosure-case-no').innerText(), /2026/)
    await letter(page, '受理回执')

    // 补正: the notice with its deadline; the answer period waits, then restarts from the correction.
    await page.getByTestId('act-correction').click()
    await page.getByTestId('disclosure-action').waitFor()
    await pickDate(page, 'correction-by', '2026-12-04')
    await field(page, 'correction-note').fill('请写明征收项目名称或地块位置')
    await page.getByTestId('disclosure-action-save').click()
    await waitForText(page, 'disclosure-state', '待补正')
    await letter(page, '补正告知书')
    await page.getByTestId('act-corrected').click()
    await page.getByTestId('disclosure-action-save').click()
    await waitForText(page, 'disclosure-due', '2026-12-18')

    // Extension: approved by the head of the openness office (an approval: the password is asked again).
    await page.getByTestId('act-extend').click()
    await field(page, 'extend-approver').fill('陈晓静')
    await field(page, 'extend-reason').fill('需征求第三方意见')
    await page.getByTestId('disclosure-action-save').click()
    await page.getByTestId('disclosure-head').getByText('已延期').waitFor()
    await letter(page, '延期答复告知书')
    await shot(page, 'q-request')

    // The answer is drafted (部分公开), goes through the configured sign-off — each step by its own signer — and is
    // then posted today with its EMS number; the 答复书 carries the remedies, 复议 first.
    await page.getByTestId('act-answer').waitFor({ state: 'detached' })
    await page.getByTestId('act-draft').click()
    await page.getByTestId('disclosure-action').waitFor()
    await chooseOption(page, 'draft-outcome', '（二）部分公开')
    await field(page, 'draft-text').fill('补偿安置方案予以公开；批复文件中涉及被征收户个人信息的部分不予公开。')
    await page.getByTestId('disclosure-action-save').click()
    await page.getByTestId('disclosure-draft').waitFor()
    await page.getByTestId('signoff-submit').click()
    await waitForText(page, 'draft-state', '审签中')
    await signEveryStep(page)
    await signInAs(page, '周明远')
    await waitForText(page, 'draft-state', '已审签')
    // the 审签单 of the answer draft, and every step in the request's own history
    await page.getByTestId('signoff-docx').click()
    await page.getByTestId('signoff-docx-path').getByText('答复审签单').waitFor()
    const sheet = (await page.getByTestId('signoff-docx-path').getByTestId('exported-path-text').innerText()).trim()
    assert.ok(/答复审签单[-0-9]*\.docx$/.test(sheet) && statSync(sheet).size > 2000, sheet)
    assert.match(await page.getByTestId('disclosure-events').innerText(), /提交审签（第1轮）[\s\S]*科室负责人审核：同意[\s\S]*保密审查：同意（经保密审查，不涉及国家秘密。），审签完成/)
    await shot(page, 'q-draft-signed')
    await page.getByTestId('act-answer').click()
    await page.getByTestId('disclosure-action').waitFor()
    await field(page, 'answer-ref').fill('1163548890212')
    await page.getByTestId('disclosure-action-save').click()
    await page.getByTestId('disclosure-answer').waitFor()
    await waitForText(page, 'disclosure-state', '按时答复')
    await letter(page, '答复书')
    assert.match(await page.getByTestId('disclosure-events').innerText(), /补正告知[\s\S]*收到补正[\s\S]*延期[\s\S]*拟稿[\s\S]*答复/)
    // The applicant applies for 行政复议 today: pending, it counts in table 四.
    await page.getByTestId('remedy-add').click()
    await page.getByTestId('remedy-dialog').waitFor()
    await field(page, 'remedy-forum').fill('临江市人民政府')
    await page.getByTestId('remedy-save').click()
    await page.getByTestId('remedy-dialog').waitFor({ state: 'hidden' })
    await page.locator('[data-testid^="remedy-"]', { hasText: '临江市人民政府' }).first().waitFor()
    await shot(page, 'q-answered')

    // The register lists it; table 三 of 2026 counts it under 自然人 / 部分公开.
    await page.getByTestId('back-to-register').click()
    await page.getByTestId('disclosure-table').getByText('周文斌').waitFor()
    const cells = await partlyRow()
    assert.equal(Number(cells[3]), Number(before[3]) + 1, `自然人 column of 部分公开: ${before} → ${cells}`)
    assert.equal(Number(cells.at(-1)), Number(before.at(-1)) + 1, `总计 of 部分公开: ${before} → ${cells}`)
    const after4 = await table4()
    assert.equal(Number(after4[3]), Number(before4[3]) + 1, `行政复议/尚未审结: ${before4} → ${after4}`)
    assert.equal(Number(after4[4]), Number(before4[4]) + 1, `行政复议/总计: ${before4} → ${after4}`)
    await shot(page, 'q-table3')

    // The office completes table 二's figures the records do not hold, with their source, and edits the 总体情况.
    await page.getByTestId('report-edit').click()
    await page.getByTestId('report-edits').waitFor()
    await field(page, 'edits-licensing').fill('1284')
    await field(page, 'edits-penalty').fill('36')
    await field(page, 'edits-enforcement').fill('0')
    await field(page, 'edits-fees').fill('12.5')
    await page.getByTestId('report-edits-save').click()
    await page.getByTestId('report-edits').getByText('请注明第二十条第（五）（六）（八）项数据的来源').waitFor()
    await field(page, 'edits-source').fill('行政审批科、执法监察支队提供')
    const overview = field(page, 'edits-overview')
    await overview.fill((await overview.inputValue()) + '\n全年办理依申请公开均经审签后答复。')
    await shot(page, 'q-report-edits', { fullPage: false })
    await page.getByTestId('report-edits-save').click()
    await page.getByTestId('report-edits').waitFor({ state: 'hidden' })

    // The whole report, drafted from the records, exports as DOCX and HTML.
    await page.getByTestId('report-text').getByText('2026年政府信息公开工作年度报告').click()
    await page.getByTestId('report-text').getByText('一、总体情况').waitFor()
    for (const format of ['docx', 'html']) {
      await page.getByTestId(`report-export-${format}`).click()
      await page.waitForFunction((ext) => document.querySelector('[data-testid="report-exported"] .path')?.textContent?.trim().endsWith(ext), `.${format}`)
      const file = (await page.getByTestId('report-exported').locator('.path').innerText()).trim()
      assert.ok(file.endsWith(`2026年政府信息公开工作年度报告.${format}`), file)
      assert.ok(statSync(file).size > 2000, `${file} is too small`)
      if (format === 'html') {
        const html = readFileSync(file, 'utf8')
        for (const want of ['一、总体情况', '第二十条第（一）项', '（二）部分公开', '六、其他需要报告的事项', '1284', '行政审批科、执法监察支队提供',
          '全年办理依申请公开均经审签后答复。']) assert.ok(html.includes(want), `html lacks ${want}`)
      }
    }
    await page.getByTestId('report-exported').getByTestId('exported-show').waitFor()
    await shot(page, 'q-annual-report', { fullPage: false })
    assert.deepEqual(s.errors, [])
  } catch (e) {
    await shot(s.page, 'q-failure', { fullPage: false }).catch(() => {})
    throw e
  } finally {
    await s.close()
  }
})

// Received in person on Monday 2026-11-02: due 2026-11-30. A third party consulted on 11-03 answers on 11-10 (5 working
// days not counted) and a fee noticed on 11-11 is paid on 11-12 (1 more): due 2026-12-08.
test('依申请公开: a third party consulted and a fee notice suspend the count, with their letters', async () => {
  const s = await session()
  try {
    const { page } = s
    await openApp(page, '/disclosure')
    await page.getByTestId('disclosure-new').click()
    await page.getByTestId('disclosure-intake').waitFor()
    await page.getByTestId('intake-channel').getByText('当面').click()
    await pickDate(page, 'intake-arrived', '2026-11-02')
    await field(page, 'intake-applicant').fill('临江市滨江律师事务所')
    await chooseOption(page, 'intake-type', '法律服务机构')
    await field(page, 'intake-content').fill('滨江地块国有土地使用权出让合同及补充协议')
    await page.getByTestId('intake-save').click()
    await page.waitForURL(/#\/disclosure\/\d+$/)
    await waitForText(page, 'disclosure-due', '2026-11-30')

    // 分办 to 开发利用组 / 许文博; a 会商 and the legal adviser's opinion go into the history.
    await page.getByTestId('act-assign').click()
    await chooseOption(page, 'assign-section', '开发利用组')
    await chooseOption(page, 'assign-handler', '许文博')
    await page.getByTestId('disclosure-action-save').click()
    await waitForText(page, 'disclosure-handler', '开发利用组 · 许文博')
    await page.getByTestId('act-meeting').click()
    await field(page, 'note-text').fill('开发利用组、法规科会商：出让价款支付安排可能涉及企业商业秘密，应征求受让人意见')
    await page.getByTestId('disclosure-action-save').click()
    await page.getByTestId('disclosure-events').getByText('出让价款支付安排可能涉及企业商业秘密').waitFor()
    await page.getByTestId('act-legal').click()
    await field(page, 'note-text').fill('建议依条例第三十二条书面征求受让人意见后再作决定')
    await page.getByTestId('disclosure-action-save').click()
    await page.getByTestId('disclosure-events').getByText('建议依条例第三十二条').waitFor()

    await page.getByTestId('act-consult').click()
    await page.getByTestId('disclosure-action').waitFor()
    await field(page, 'consult-party').fill('临江滨江置业有限公司')
    await pickDate(page, 'consult-date', '2026-11-03')
    await field(page, 'consult-note').fill('合同中的出让价款支付安排是否涉及商业秘密')
    await page.getByTestId('disclosure-action-save').click()
    await waitForText(page, 'disclosure-state', '征询第三方')
    await waitForText(page, 'disclosure-countdown', '第三方意见期限剩余2个工作日')
    await waitForText(page, 'disclosure-due', '中止计算中')
    await letter(page, '第三方意见征询函')
    await shot(page, 'q-consulting')

    await page.getByTestId('act-opinion').click()
    await page.getByTestId('opinion-result').getByText('同意公开', { exact: true }).click()
    await pickDate(page, 'opinion-date', '2026-11-10')
    await page.getByTestId('disclosure-action-save').click()
    await waitForText(page, 'disclosure-state', '办理中')
    await waitForText(page, 'disclosure-due', '2026-12-07')

    // 12 items this month: the first 10 are free, 2 at 100 元.
    await page.getByTestId('act-fee').click()
    await page.getByTestId('fee-basis').getByText('按件').click()
    await field(page, 'fee-count').fill('12')
    await pickDate(page, 'fee-date', '2026-11-11')
    await page.getByTestId('disclosure-action-save').click()
    await waitForText(page, 'disclosure-state', '待缴费')
    assert.match(await page.getByTestId('disclosure-head').innerText(), /缴费期限剩余\d+个工作日/)
    assert.match(await page.locator('[data-testid^="pause-"]').last().innerText(), /按件12件.*200元/)
    await letter(page, '收费通知书')
    await shot(page, 'q-fee')
    await page.getByTestId('act-paid').click()
    await pickDate(page, 'paid-date', '2026-11-12')
    await page.getByTestId('disclosure-action-save').click()
    await waitForText(page, 'disclosure-state', '办理中')
    await waitForText(page, 'disclosure-due', '2026-12-08')
    assert.match(await page.getByTestId('disclosure-events').innerText(), /分办[\s\S]*会商[\s\S]*法律顾问意见[\s\S]*征询第三方[\s\S]*第三方意见[\s\S]*收费通知[\s\S]*缴费/)
    await shot(page, 'q-resumed')
    assert.deepEqual(s.errors, [])
  } catch (e) {
    await shot(s.page, 'q-pause-failure', { fullPage: false }).catch(() => {})
    throw e
  } finally {
    await s.close()
  }
})

test('依申请公开: an existing 登记台账 is previewed, refused row by row when wrong, and imported whole', async () => {
  const s = await session()
  const dir = mkdtempSync(join(tmpdir(), 'pd-register-'))
  try {
    const { page } = s
    const header = '编号,收到日期,申请人,申请人类型,申请内容,申请方式,办理结果,答复日期\n'
    const bad = join(dir, '台账-有误.csv')
    writeFileSync(bad, header + '2026-101,2026-03-03,张三,自然人,征地批复,信函,已办结,2026-03-20\n2026-102,2026-03-05,某公司,商业企业,规划许可,网络,予以公开,2026-03-01\n')
    const good = join(dir, '台账.csv')
    writeFileSync(good, header + '2026-101,2026-03-03,张三,自然人,征地批复,信函,予以公开,2026-03-20\n' +
      '2026-102,2026-03-05,某公司,商业企业,规划许可,网络,不予公开-保护第三方合法权益,2026-03-25\n2026-103,2026-11-02,李四,公民,补偿档案,当面,,\n' +
      '2026-104,2026-04-08,王五,自然人,征地批复。,信函,部分公开,2026-04-28\n')
    await openApp(page, '/disclosure')
    await page.getByTestId('disclosure-import').click()
    await page.getByTestId('register-import').waitFor()
    await page.getByTestId('register-file').setInputFiles(bad)
    const errors = page.getByTestId('register-errors')
    await errors.waitFor()
    assert.match(await errors.innerText(), /第2行：办理结果“已办结”/)
    assert.match(await errors.innerText(), /第3行：答复日期 2026-03-01 早于收到日期/)
    assert.ok(await page.getByTestId('register-apply').isDisabled())
    await shot(page, 'q-import-errors', { fullPage: false })
    await page.getByTestId('register-file').setInputFiles(good)
    await page.getByTestId('register-summary').waitFor()
    assert.match(await page.getByTestId('register-summary').innerText(), /共4件.*已答复3件，办理中1件/)
    await shot(page, 'q-import-preview', { fullPage: false })
    await page.getByTestId('register-apply').click()
    await page.getByTestId('register-import').waitFor({ state: 'hidden' })
    await page.getByTestId('disclosure-table').getByText('2026-103').waitFor()
    await page.getByTestId('disclosure-table').getByText('某公司').waitFor()
    // Two applicants asked for the same 征地批复 and got it: a candidate for 主动公开 (第四十四条).
    assert.match(await page.getByTestId('proactive-suggestions').innerText(), /征地批复 — 2件：2026-101、2026-104/)
    await shot(page, 'q-proactive', { fullPage: false })
    assert.deepEqual(s.errors, [])
  } catch (e) {
    await shot(s.page, 'q-import-failure', { fullPage: false }).catch(() => {})
    throw e
  } finally {
    rmSync(dir, { recursive: true, force: true })
    await s.close()
  }
})

// January 2027: the 2026 report is due by 31 January. A register that begins in the middle of history takes its
// 上年结转 by hand (with its source); the report goes through the configured sign-off, each step by its own
// signer, before its publication can be recorded.
test('年度报告: 上年结转 entered by hand, sign-off across desks, publication only once signed', async () => {
  const s = await session({ now: '2027-01-15T09:00:00' })
  try {
    const { page } = s
    await openApp(page, '/disclosure')
    const me = (await page.getByTestId('current-user-name').innerText()).trim()
    await page.getByTestId('tab-report').click()
    const row2 = async () => {
      const row = page.getByTestId('report-table3').locator('tr', { hasText: '二、上年结转政府信息公开申请数量' })
      await row.waitFor()
      return (await row.locator('td').allInnerTexts()).slice(-7).map(Number)
    }
    const counted = await row2()
    const openEdits = async () => {
      await page.getByTestId('report-edit').click()
      await page.getByTestId('report-edits').waitFor()
    }
    const save = async () => {
      await page.getByTestId('report-edits-save').click()
      await page.getByTestId('report-edits').waitFor({ state: 'hidden' })
    }
    await openEdits()
    await field(page, 'edits-licensing').fill('1284')
    await field(page, 'edits-penalty').fill('36')
    await field(page, 'edits-enforcement').fill('0')
    await field(page, 'edits-fees').fill('12.5')
    await field(page, 'edits-source').fill('行政审批科、执法监察支队提供')
    // a carry-over without its source is refused; one more than the register holds is shown and flagged
    await field(page, 'edits-carry-0').fill(String(counted[0] + 1))
    await page.getByTestId('report-edits-save').click()
    await page.getByTestId('report-edits').getByText('请注明上年结转数据的来源').waitFor()
    await field(page, 'edits-carry-source').fill('2025年度报告表三“四、结转下年度继续办理”')
    await shot(page, 'q-carry-over', { fullPage: false })
    await save()
    await page.getByText(`勾稽关系不符：自然人列`).waitFor()
    assert.deepEqual(await row2(), [counted[0] + 1, ...counted.slice(1, 6), counted[6] + 1])
    await page.getByTestId('report-carry-source').getByText('2025年度报告表三').waitFor()
    await openEdits()
    await field(page, 'edits-carry-0').fill(String(counted[0]))
    await save()
    await page.getByText('勾稽关系不符').waitFor({ state: 'detached' })
    assert.deepEqual(await row2(), counted)

    // publication is refused until the report is signed
    await openEdits()
    await pickDate(page, 'edits-published-date', '2027-01-14')
    await field(page, 'edits-published-url').fill('https://www.linjiang.gov.cn/art/2027/1/14/art_1.html')
    await page.getByTestId('report-edits-save').click()
    await page.getByTestId('report-edits').getByText('2026年度报告尚未审签，不能登记发布；请先提交审签').waitFor()
    await page.keyboard.press('Escape')
    await page.getByTestId('report-edits').waitFor({ state: 'hidden' })

    // the round: submitted by the office, agreed step by step by each named signer on their own desk
    await page.getByTestId('signoff-submit').click()
    await waitForText(page, 'report-signoff-state', '审签中')
    await signEveryStep(page)
    await waitForText(page, 'report-signoff-state', '已审签')
    await page.getByTestId('signoff-docx').click()
    await page.getByTestId('signoff-docx-path').getByText('年度报告审签单').waitFor()
    const sheet = (await page.getByTestId('signoff-docx-path').getByTestId('exported-path-text').innerText()).trim()
    assert.ok(/2026年政府信息公开工作年度报告审签单[-0-9]*\.docx$/.test(sheet) && statSync(sheet).size > 2000, sheet)
    await shot(page, 'q-report-signed', { fullPage: false })

    // back at the office's desk: an edit after the round needs a new one before publication
    await signInAs(page, me)
    await page.getByTestId('tab-report').click()
    await openEdits()
    await field(page, 'edits-penalty').fill('37')
    await save()
    await waitForText(page, 'report-signoff-state', '稿已修改')
    await openEdits()
    await pickDate(page, 'edits-published-date', '2027-01-14')
    await field(page, 'edits-published-url').fill('https://www.linjiang.gov.cn/art/2027/1/14/art_1.html')
    await page.getByTestId('report-edits-save').click()
    await page.getByTestId('report-edits').getByText('2026年度报告审签后又作了修改，请重新提交审签后再登记发布').waitFor()
    await page.keyboard.press('Escape')
    await page.getByTestId('report-edits').waitFor({ state: 'hidden' })
    await page.getByTestId('signoff-submit').click()
    await waitForText(page, 'report-signoff-state', '审签中')
    await signEveryStep(page)
    await signInAs(page, me)
    await page.getByTestId('tab-report').click()
    await waitForText(page, 'report-signoff-state', '已审签')
    await openEdits()
    await pickDate(page, 'edits-published-date', '2027-01-14')
    await field(page, 'edits-published-url').fill('https://www.linjiang.gov.cn/art/2027/1/14/art_1.html')
    await save()
    await page.getByTestId('report-published').getByText('已于2027-01-14在门户网站发布').waitFor()
    await page.getByTestId('report-export-html').click()
    await page.waitForFunction(() => document.querySelector('[data-testid="report-exported"] .path')?.textContent?.trim().endsWith('.html'))
    const html = readFileSync((await page.getByTestId('report-exported').locator('.path').innerText()).trim(), 'utf8')
    assert.ok(html.includes('“二、上年结转政府信息公开申请数量”为手工填写，数据来源：2025年度报告表三'), 'html lacks the carry-over source')
    await shot(page, 'q-report-published', { fullPage: false })
    assert.deepEqual(s.errors, [])
  } catch (e) {
    await shot(s.page, 'q-report-failure', { fullPage: false }).catch(() => {})
    throw e
  } finally {
    await s.close()
  }
})

// 设置 → 文书模板: the office rewrites its 受理回执; an unknown placeholder and a refusal that names 诉讼 before 复议
// are refused; the letter is generated from the edited text until the built-in one is restored.
test('文书模板: edited in 设置, checked on save, used for the letters, reset to the built-in text', async () => {
  const s = await session()
  try {
    const { page } = s
    await openApp(page, '/settings/letters')
    await page.getByTestId('letter-templates').waitFor()
    await page.getByTestId('template-kind-受理回执').click()
    await waitForText(page, 'template-state', '系统默认文本')
    const body = field(page, 'template-body')
    await body.fill('{申请人}：本局已于{收到日期}收到您的政府信息公开申请，由{承办人}办理。')
    await page.getByTestId('template-save').click()
    await page.getByTestId('template-error').getByText('受理回执中的占位符“{承办人}”无法填写').waitFor()
    await body.fill('本局已于{收到日期}收到您的政府信息公开申请（{申请内容}），将于{答复期限}前依法答复；需要延长答复期限的，另行书面告知。')
    await page.getByTestId('template-save').click()
    await page.getByTestId('template-state').getByText('已修改').waitFor()
    await page.getByTestId('template-kind-受理回执').getByText('已修改').waitFor()

    // a refusal must name 行政复议 before 行政诉讼 (行政复议法 2023)
    await page.getByTestId('template-kind-答复书·不予公开').click()
    await field(page, 'template-body').fill('{答复依据}\n如不服，可以依法提起行政诉讼，也可以申请行政复议。')
    await page.getByTestId('template-save').click()
    await page.getByTestId('template-error').getByText('答复书·不予公开须先告知申请行政复议、再告知提起行政诉讼').waitFor()
    await shot(page, 'q-templates', { fullPage: false })

    // the register's letter uses the edited text
    await openApp(page, '/disclosure')
    await page.locator('[data-testid^="disclosure-link-"]').first().click()
    await page.waitForURL(/#\/disclosure\/\d+$/)
    const text = await letter(page, '受理回执')
    assert.ok(text.includes('将于') && text.includes('前依法答复；需要延长答复期限的，另行书面告知。'), text)
    assert.ok(!text.includes('第三十三条'), 'the built-in wording is still there')

    // reset: the built-in text again
    await openApp(page, '/settings/letters')
    await page.getByTestId('template-kind-受理回执').click()
    await page.getByTestId('template-reset').click()
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await waitForText(page, 'template-state', '系统默认文本')
    assert.match(await field(page, 'template-body').inputValue(), /第三十三条/)
    assert.deepEqual(s.errors, [])
  } catch (e) {
    await shot(s.page, 'q-templates-failure', { fullPage: false }).catch(() => {})
    throw e
  } finally {
    await s.close()
  }
})
