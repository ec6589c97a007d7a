import { test } from 'node:test'
import assert from 'node:assert/strict'
import { chooseOption, field, openApp, session, shot, waitForText } from './harness.mjs'

// Friday 2026-11-20 in the demo bureau, whose 既有住宅加装电梯财政补助办法 was published ten days ago with its
// 文字解读; its 问答 was approved but never published, and the other demo policies are still drafts.
const POLICY = '临江市既有住宅加装电梯财政补助办法'
const CITATION = `详见《${POLICY}》（临规划资源规字〔2026〕5号）`
const SUBJECT = '来电咨询加装电梯补助'

const REPLY = '[data-testid="reply-body"] textarea, textarea[data-testid="reply-body"]'

test('局长信箱: the published policy on a message’s subject is offered beside the reply and cited at the cursor', async () => {
  const s = await session()
  try {
    const { page } = s

    // A message on another subject: the panel says plainly that there is nothing to cite.
    await openApp(page, '/mailbox')
    await field(page, 'inbox-search').fill('农村违建别墅')
    await page.waitForURL(/text=/)
    await page.locator('[data-testid^="message-link-"]', { hasText: '农村违建别墅' }).first().click()
    await page.getByTestId('reply-editor').waitFor()
    await waitForText(page, 'related-empty', '暂无同主题的已公开政策或解读')
    await page.getByTestId('related-documents').scrollIntoViewIfNeeded()
    await shot(page, 'h-related-empty', { fullPage: false })

    // A resident phones about the elevator subsidy; the call is registered and routed.
    await page.getByTestId('back-to-inbox').click()
    await page.getByTestId('mailbox-new-message').click()
    await page.getByTestId('new-message-dialog').waitFor()
    await chooseOption(page, 'new-message-channel', '电话')
    await field(page, 'new-message-name').fill('姚丹')
    await field(page, 'new-message-subject').fill(SUBJECT)
    await field(page, 'new-message-body').fill('我们是老旧小区，想加装电梯，请问有没有补贴？每台电梯补助多少钱，需要提交哪些材料？')
    await page.getByTestId('new-message-save').click()
    await page.waitForURL(/#\/mailbox\/\d+$/)
    await page.getByTestId('message-text').waitFor()
    if ((await page.getByTestId('message-state').innerText()) === '待分办') {
      await page.getByTestId('act-reroute').click()
      await chooseOption(page, 'reroute-topic', '城市更新')
      await field(page, 'action-reason').fill('加装电梯属老旧小区改造')
      await page.getByTestId('action-save').click()
      await page.getByTestId('action-dialog').waitFor({ state: 'hidden' })
    }
    await waitForText(page, 'message-state', '办理中')
    const messageURL = page.url()

    // The policy and its published 文字解读 are offered with the words they share; the unpublished 问答 is not.
    const panel = page.getByTestId('related-documents')
    const policy = panel.locator('[data-testid^="related-policy-"]', { hasText: POLICY })
    await policy.waitFor()
    const policyText = await policy.innerText()
    assert.match(policyText, /临规划资源规字〔2026〕5号/)
    assert.match(policyText, /电梯/)
    assert.match(await panel.innerText(), /政策解读 · 文字解读/)
    assert.doesNotMatch(await panel.innerText(), /政策问答|不动产登记若干规定|城市更新实施办法/)

    // Its link opens the policy's page in the app.
    await policy.getByTestId('related-open').click()
    await page.waitForURL(/#\/policies\/\d+$/)
    await page.getByText(POLICY).first().waitFor()
    await page.goto(messageURL)
    await policy.waitFor()

    // A template, then the citation put where the cursor is: after 答复如下：.
    await chooseOption(page, 'reply-template', '咨询类答复')
    await page.waitForFunction((sel) => document.querySelector(sel)?.value.includes('姚丹'), REPLY)
    const before = await field(page, 'reply-body').inputValue()
    const at = before.indexOf('答复如下：') + '答复如下：'.length
    assert.ok(at > 5, before)
    await field(page, 'reply-body').evaluate((el, pos) => {
      el.focus()
      el.setSelectionRange(pos, pos)
    }, at)
    await policy.getByTestId('related-cite').click()
    const want = before.slice(0, at) + CITATION + '。' + before.slice(at)
    await page.waitForFunction(([sel, w]) => document.querySelector(sel)?.value === w, [REPLY, want])
    await page.getByTestId('reply-editor').scrollIntoViewIfNeeded()
    await shot(page, 'h-related-cited', { fullPage: false })

    // The citation is part of the reply that goes for sign-off.
    await chooseOption(page, 'reply-approver', '赵志强')
    await page.getByTestId('reply-submit').click()
    await waitForText(page, 'message-state', '待审核')
    assert.ok((await page.getByTestId('message-reply').innerText()).includes(CITATION))
    assert.deepEqual(s.errors, [])
  } catch (e) {
    await shot(s.page, 'h-related-failure', { fullPage: false }).catch(() => {})
    throw e
  } finally {
    await s.close()
  }
})
