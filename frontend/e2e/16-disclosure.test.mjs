import { test } from 'node:test'
import assert from 'node:assert/strict'
import { chooseOption, field, openApp, session, shot, waitForText } from './harness.mjs'

// Friday 2026-11-20: an application handed in today is due 20 working days after it, on 2026-12-18.
test('依申请公开: an application is registered, answered on the statutory clock and counted in table 三', async () => {
  const s = await session()
  try {
    const { page } = s
    await openApp(page, '/disclosure')
    await page.getByTestId('disclosure-table').waitFor()
    await page.getByTestId('disclosure-new').click()
    await page.getByTestId('disclosure-intake').waitFor()
    // the receipt-date rule follows the channel
    await page.getByTestId('intake-channel').getByText('网络').click()
    await page.getByTestId('intake-confirmed').waitFor()
    await page.getByTestId('intake-channel').getByText('当面').click()
    await field(page, 'intake-applicant').fill('陈立平')
    await field(page, 'intake-contact').fill('临江市滨江街道望江苑3幢')
    await field(page, 'intake-content').fill('2025年度滨江街道集体土地征收补偿安置方案及批复文件')
    await chooseOption(page, 'intake-section', '用途管制组')
    await shot(page, 'q-intake', { fullPage: false })
    await page.getByTestId('intake-save').click()

    // The application's page: case number, the answer deadline from the working-day calendar.
    await page.waitForURL(/#\/disclosure\/\d+$/)
    await waitForText(page, 'disclosure-due', '2026-12-18')
    assert.match(await page.getByTestId('disclosure-case-no').innerText(), /2026/)
    await waitForText(page, 'disclosure-state', '办理中')
    await shot(page, 'q-request')

    // Answered today: 予以公开, delivered by post with its tracking number.
    await page.getByTestId('act-answer').click()
    await page.getByTestId('disclosure-action').waitFor()
    await chooseOption(page, 'answer-outcome', '（一）予以公开')
    await field(page, 'answer-ref').fill('1163548890212')
    await field(page, 'answer-text').fill('经查，您申请的信息属于主动公开范围，现将补偿安置方案及批复文件复印件寄送给您。')
    await page.getByTestId('disclosure-action-save').click()
    await page.getByTestId('disclosure-answer').waitFor()
    await waitForText(page, 'disclosure-state', '按时答复')
    assert.match(await page.getByTestId('disclosure-events').innerText(), /答复/)
    await shot(page, 'q-answered')

    // The register lists it; table 三 of 2026 counts it under 自然人 / 予以公开.
    await page.getByTestId('back-to-register').click()
    await page.getByTestId('disclosure-table').getByText('陈立平').waitFor()
    await page.getByTestId('tab-report').click()
    const table = page.getByTestId('report-table3')
    await table.waitFor()
    const row = table.locator('tr', { hasText: '（一）予以公开' })
    const cells = await row.locator('td').allInnerTexts()
    assert.equal(cells[3], '1', `自然人 column of 予以公开: ${cells}`)
    assert.equal(cells[cells.length - 1], '1', `总计 of 予以公开: ${cells}`)
    await shot(page, 'q-table3')
    assert.deepEqual(s.errors, [])
  } catch (e) {
    await shot(s.page, 'q-failure', { fullPage: false }).catch(() => {})
    throw e
  } finally {
    await s.close()
  }
})
