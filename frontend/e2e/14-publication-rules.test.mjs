import { test } from 'node:test'
import assert from 'node:assert/strict'
import { field, openApp, session, shot, waitForText } from './harness.mjs'

// The demo's open consultation: 临江市既有住宅增设电梯规划管理办法(征求意见稿), opened ten days before 2026-11-20.
const TITLE = '临江市既有住宅增设电梯规划管理办法(征求意见稿)'

test('发布规则: a policy under open consultation goes to 审签 only with a recorded exemption and its reason', async () => {
  const s = await session()
  try {
    const { page } = s
    await openApp(page, '/consultations')
    const policyId = await page.evaluate(async (title) => {
      const res = await window.go.app.PolicyService.ListPolicies({ status: '', category: '', sectionId: 0, query: title, limit: 5, offset: 0 })
      const p = res.policies.find((x) => x.title === title)
      // 同步起草 is a separate rule: this test is about the consultation, so the interpretation is exempted here
      await window.go.app.InterpretationService.RecordExemption({ subjectType: 'policy', subjectId: p.id, rule: '同步起草', reason: '规划管理办法由起草科室另行解读' })
      return p.id
    }, TITLE)

    // 送审签 while the consultation is open: refused, in Chinese, with the way out offered in the dialog.
    await openApp(page, `/policies/${policyId}`)
    await waitForText(page, 'policy-status', '征求意见')
    await page.getByTestId('policy-move-审签').click()
    await page.getByTestId('policy-status-dialog').waitFor()
    await page.getByTestId('status-save').click()
    const refused = page.getByTestId('status-consult-refused')
    await refused.waitFor()
    assert.match(await refused.innerText(), /征求意见\(.*\)尚未结束，不能提交审签/)
    await shot(page, 'n-consult-refused', { fullPage: false })

    // An exemption needs its reason.
    await page.getByTestId('status-exempt-save').click()
    await page.getByTestId('policy-status-dialog').getByText('理由').first().waitFor()
    await page.waitForFunction(() => /理由/.test(document.querySelector('[data-testid="policy-status-dialog"] .el-form-item__error')?.textContent ?? ''))
    await waitForText(page, 'policy-status', '征求意见')

    // With the reason, the exemption is recorded and the policy goes to 审签.
    await field(page, 'status-exemption-reason').fill('市政府要求年底前出台；征求意见已满20日，近10日无新增意见')
    await page.getByTestId('status-exempt-save').click()
    await page.getByTestId('policy-status-dialog').waitFor({ state: 'hidden' })
    await waitForText(page, 'policy-status', '审签')
    await shot(page, 'n-consult-exempted', { fullPage: false })
    // …and the exemption stands on the policy's 三同步 page (and its 审签单) with who recorded it.
    await openApp(page, `/interpretations/policy/${policyId}`)
    const exemption = page.getByTestId('sync-exemption').filter({ hasText: '征求意见未结束' })
    await exemption.waitFor()
    assert.match(await exemption.innerText(), /市政府要求年底前出台/)
    assert.match(await exemption.innerText(), /周明远/)
    assert.deepEqual(s.errors, [])
  } finally {
    await s.close()
  }
})
