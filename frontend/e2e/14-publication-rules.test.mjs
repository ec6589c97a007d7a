import { test } from 'node:test'
import assert from 'node:assert/strict'
import { chooseOption, field, openApp, session, shot, waitForText } from './harness.mjs'
import { signInAs } from './signin.mjs'

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

/** The pending step's named signer, as the steps bar shows it ("待审签 · 姓名"). */
async function pendingSigner(page, i) {
  const text = await page.getByTestId(`signoff-step-view-${i}`).innerText()
  return /待审签 · (\S+)/.exec(text)?.[1]
}

/** Agrees to step i as the person signed in, with an opinion, and waits for it to show as agreed. */
async function agree(page, i, opinion = '同意。') {
  await field(page, 'signoff-opinion').fill(opinion)
  await page.getByTestId('signoff-approve').click()
  await page.locator(`[data-testid="signoff-step-view-${i}"] .is-success`).first().waitFor()
}

test('三审: an interpretation is signed by the three people its steps name, and the first signer cannot sign the second step', async () => {
  const s = await session()
  try {
    const { page } = s
    await openApp(page, '/interpretations')
    const id = await page.evaluate(async () => {
      const list = await window.go.app.InterpretationService.FilterInterpretations({ policyId: 0, status: '', form: '', sectionId: 0 })
      return list.find((x) => x.title.startsWith('分管副局长解读'))?.id
    })
    assert.ok(id, 'the demo 负责人解读 exists')

    // The drafting desk submits; each step names its signer by rule: the 开发利用组's head, its 分管领导, the 保密审查员.
    await openApp(page, `/interpretations/${id}`)
    await page.getByTestId('signoff-submit').click()
    await page.getByTestId('signoff-step-view-0').waitFor()
    const signers = [await pendingSigner(page, 0)]
    assert.equal(signers[0], '郑海涛')

    await signInAs(page, '郑海涛')
    await agree(page, 0)
    // The second step belongs to the 分管领导: the first signer is refused, and the page says why and whose it is.
    signers.push(await pendingSigner(page, 1))
    assert.equal(signers[1], '张卫东')
    const blocked = page.getByTestId('signoff-blocked')
    await blocked.waitFor()
    assert.match(await blocked.innerText(), /由张卫东签批，郑海涛不能代签/)
    assert.ok(await page.getByTestId('signoff-approve').isDisabled())
    await shot(page, 'n-second-step-refused', { fullPage: false })

    await signInAs(page, signers[1])
    await agree(page, 1)
    signers.push(await pendingSigner(page, 2))
    assert.equal(signers[2], '梁红')
    await signInAs(page, signers[2])
    await agree(page, 2, '经保密审查，不涉及国家秘密。')
    await page.getByTestId('signoff-complete').waitFor()
    await waitForText(page, 'interp-status', '已审签')
    assert.equal(new Set(signers).size, 3, `three different people signed: ${signers}`)
    await shot(page, 'n-three-signers')
    assert.deepEqual(s.errors, [])
  } finally {
    await s.close()
  }
})

test('采纳情况说明: signed off and checked before it is registered as published', async () => {
  const s = await session()
  try {
    const { page } = s
    await openApp(page, '/consultations')
    // Setup: the demo's closed 城市更新 consultation has undecided comments; decide them through the service.
    const consultationId = await page.evaluate(async () => {
      const api = window.go.app.ConsultationService
      const page = await api.ListConsultations({ status: '', query: '城市更新', limit: 10, offset: 0 })
      const c = page.consultations.find((x) => x.policyTitle.includes('城市更新实施办法'))
      for (;;) {
        const left = await api.ListComments({ consultationId: c.id, decision: 'undecided', category: '', channel: '', clause: '', groupId: 0, query: '', limit: 50, offset: 0 })
        if (!left.comments.length) break
        for (const cm of left.comments) {
          await api.Decide({ commentId: cm.id, groupId: 0, decision: '不予采纳', reason: '与上位法规定不一致，暂不采纳', response: '' })
        }
      }
      return c.id
    })

    await openApp(page, `/consultations/${consultationId}/report`)
    await page.getByTestId('report-preview').waitFor()
    // Not signed off yet: 登记发布 is disabled and says why.
    await page.getByTestId('report-signoff-card').waitFor()
    assert.ok(await page.getByTestId('report-publish').isDisabled())
    await page.getByTestId('signoff-submit').click()
    await page.getByTestId('signoff-step-view-0').waitFor()
    await shot(page, 'n-report-submitted')

    for (let i = 0; i < 3; i++) {
      const signer = await pendingSigner(page, i)
      assert.ok(signer, `step ${i} names its signer`)
      await signInAs(page, signer)
      await agree(page, i)
    }
    await page.getByTestId('signoff-complete').waitFor()
    await signInAs(page, '周明远')

    // The pre-publication check: every finding is fixed or kept with a reason before publication.
    await page.getByTestId('report-prepub-run').click()
    await page.getByTestId('report-prepub-card').locator('[data-testid="prepub-findings"], [data-testid="prepub-clear"]').first().waitFor()
    const card = page.getByTestId('report-prepub-card')
    for (let n = 0; n < 50; n++) {
      const reason = card.locator('[data-testid^="finding-reason-"]').first()
      if (!(await reason.count())) break
      const i = (await reason.getAttribute('data-testid')).replace('finding-reason-', '')
      await reason.locator('input').fill('转述公众意见中的公开信息，已核对')
      await card.getByTestId(`finding-acknowledge-${i}`).click()
      await card.getByTestId(`finding-ack-${i}`).waitFor()
    }
    await shot(page, 'n-report-checked')

    await page.getByTestId('report-publish').click()
    await page.getByTestId('publish-dialog').waitFor()
    await field(page, 'publish-url').fill('https://ghzy.linjiang.gov.cn/hdjl/zjdc/202611/t20261120_2.html')
    await page.getByTestId('publish-save').click()
    await page.getByTestId('report-published').waitFor()
    assert.match(await page.getByTestId('report-published').innerText(), /已于.*发布/)
    await shot(page, 'n-report-published')
    assert.deepEqual(s.errors, [])
  } catch (e) {
    await shot(s.page, 'n-report-failure', { fullPage: false }).catch(() => {})
    throw e
  } finally {
    await s.close()
  }
})

test('停止计时: asked by the mailbox desk, decided by the named approver in their own action', async () => {
  const s = await session()
  try {
    const { page } = s
    await openApp(page, '/mailbox')
    await signInAs(page, '林雨桐')
    const message = await page.evaluate(() =>
      window.go.app.MailboxService.CreateMessage({
        externalId: '', channel: '网站', receivedAt: '2026-11-20 08:30', senderName: '王先生', senderPhone: '',
        senderEmail: '', senderAddress: '', subject: '不动产抵押登记注销', body: '请问不动产抵押登记注销需要带哪些材料？', type: '咨询', agreePublish: false,
      }),
    )
    await openApp(page, `/mailbox/${message.id}`)
    await page.getByTestId('act-stop').click()
    await page.getByTestId('action-dialog').waitFor()
    await page.getByTestId('stop-hint').waitFor()
    await field(page, 'action-reason').fill('需留言人补充不动产权证书编号')
    await chooseOption(page, 'action-approver', '陈晓静')
    await page.getByTestId('action-save').click()
    await page.getByTestId('action-dialog').waitFor({ state: 'hidden' })

    // Asked, not stopped: the clock runs on, and only the named approver may decide.
    const banner = page.getByTestId('stop-request')
    await banner.waitFor()
    assert.match(await banner.innerText(), /待 陈晓静 批准；批准前仍正常计时/)
    assert.doesNotMatch(await page.getByTestId('message-head').innerText(), /已停止计时/)
    await page.getByTestId('stop-request-wait').waitFor()
    assert.equal(await page.getByTestId('stop-approve').count(), 0)
    await shot(page, 'n-stop-requested', { fullPage: false })

    await signInAs(page, '陈晓静')
    await openApp(page, `/mailbox/${message.id}`)
    await page.getByTestId('stop-approve').click()
    await page.getByTestId('action-dialog').waitFor()
    assert.match(await page.getByTestId('stop-request-reason').innerText(), /需留言人补充不动产权证书编号/)
    await page.getByTestId('action-save').click()
    await page.getByTestId('action-dialog').waitFor({ state: 'hidden' })
    await page.getByTestId('message-head').getByText('已停止计时').first().waitFor()
    await page.getByTestId('act-resume').waitFor()
    assert.equal(await page.getByTestId('stop-request').count(), 0)
    await shot(page, 'n-stop-approved', { fullPage: false })
    assert.deepEqual(s.errors, [])
  } catch (e) {
    await shot(s.page, 'n-stop-failure', { fullPage: false }).catch(() => {})
    throw e
  } finally {
    await s.close()
  }
})
