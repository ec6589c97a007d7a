import { test } from 'node:test'
import assert from 'node:assert/strict'
import { copyFileSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { chooseOption, field, openApp, session, shot, waitForText } from './harness.mjs'
import { signEveryStep, signInAs } from './signin.mjs'

// Friday 2026-02-13, before 春节 (2月14日(周六)上班; 2月15日至23日放假): an interpretation of a policy published
// today is due on the third working day after it — Saturday 02-14, Tuesday 02-24, Wednesday 2026-02-25.
const NOW = '2026-02-13T10:00:00'
const TITLE = '临江市闲置土地处置办法'
const POLICY_TEXT = `临江市闲置土地处置办法

第一章 总则
第一条 为依法处置闲置土地，促进节约集约用地，根据《闲置土地处置办法》，结合本市实际，制定本办法。
第二条 本办法适用于本市行政区域内国有建设用地闲置的认定和处置。

第二章 认定和处置
第三条 超过出让合同约定的动工开发日期满一年未动工开发的，按照土地出让价款的百分之二十征缴土地闲置费。
第四条 土地使用权人应当自收到调查通知书之日起三十日内提交说明材料：
1.土地使用权证书复印件；
2.闲置原因说明。
第五条 闲置土地处置按照下列流程办理：调查→认定→告知→处置→公开。

第三章 附则
第六条 本办法自2026年11月1日起施行。
`

/** Removes the success toasts of earlier steps so that they do not cover the screenshot. */
const dropToasts = (page) => page.evaluate(() => document.querySelectorAll('.el-message').forEach((m) => m.remove()))

/** A whole-page screenshot from the top: the sidebar and header stick, so a scrolled page would cut them. */
async function pageShot(page, name) {
  await dropToasts(page)
  await page.evaluate(() => window.scrollTo(0, 0))
  await shot(page, name)
}

/** A screenshot of the window as it is scrolled, without toasts. */
async function viewShot(page, name) {
  await dropToasts(page)
  await shot(page, name, { fullPage: false })
}

async function idFromUrl(page, prefix) {
  await page.waitForURL(new RegExp(`#/${prefix}/\\d+$`))
  return Number(new RegExp(`#/${prefix}/(\\d+)$`).exec(page.url())[1])
}

/** A message box of Element Plus with the text; messages stack, so any visible one counts. */
const message = (page, text) => page.locator('.el-message', { hasText: text }).first()

/**
 * Works as the named person (signs out and signs in with their demo account): sign-off is for approvers, and
 * nobody approves what they submitted.
 */
const switchUser = signInAs

/** Sends the interpretation on the page to sign-off and agrees at every step, each step by another approver. */
async function signOff(page, { interpretation = true } = {}) {
  await page.getByTestId('signoff-submit').click()
  // each step names its signer by rule (the drafting section's head, its 分管领导, the 保密审查员)
  await signEveryStep(page)
  if (interpretation) await waitForText(page, 'interp-status', '已审签')
  await switchUser(page, '周明远')
}

/** Opens 新建解读 on the list page and creates an interpretation of the form for the test policy. */
async function newInterpretation(page, form) {
  await openApp(page, '/interpretations')
  await page.getByTestId('interp-new').click()
  await page.getByTestId('interp-new-dialog').waitFor()
  await chooseOption(page, 'interp-new-policy', TITLE)
  await page.getByTestId(`interp-new-form-${form}`).click()
  await page.getByTestId('interp-new-save').click()
  return idFromUrl(page, 'interpretations')
}

test('政策解读: 文字解读 and 图解 drafted, signed off and published in step with the policy (三同步)', async () => {
  const s = await session({ now: NOW })
  try {
    const { page } = s

    // The list, with the demo's interpretations and the sign-off steps dialog.
    await openApp(page, '/interpretations')
    await page.locator('[data-testid^="interp-link-"]').first().waitFor()
    await shot(page, 'i-list')
    await page.getByTestId('signoff-steps-open').click()
    await page.getByTestId('signoff-step-name-2').waitFor()
    assert.equal(await field(page, 'signoff-step-name-0').inputValue(), '科室负责人审核')
    await shot(page, 'i-signoff-steps-dialog', { fullPage: false })
    await page.getByTestId('signoff-steps-dialog').getByRole('button', { name: '取消' }).click()

    // Setup only: a policy in 起草 with its text, registered through the Go service.
    const policyId = await page.evaluate(
      async ([title, text]) => {
        const sections = await window.go.app.SettingsService.ListSections()
        const section = sections.find((x) => x.active) ?? sections[0]
        const p = await window.go.app.PolicyService.SavePolicy({
          id: 0, title, docNumber: '临规划资源规字〔2026〕9号', category: '规范性文件', sectionId: section.id, sectionName: '', drafterId: 0,
          drafterName: '', disclosure: '主动公开', disclosureBasis: '《中华人民共和国政府信息公开条例》第十九条', enterpriseRelated: false,
          status: '', publishedDate: '', publishedUrl: '', versionCount: 0, consultations: 0, createdAt: '', updatedAt: '',
        })
        await window.go.app.PolicyService.AddVersionText(p.id, '正式文本', '2026-02-06', text)
        return p.id
      },
      [TITLE, POLICY_TEXT],
    )

    // 同步起草: the policy cannot go to 审签 without an interpretation.
    await openApp(page, `/policies/${policyId}`)
    await page.getByTestId('policy-move-审签').click()
    await page.getByTestId('policy-status-dialog').waitFor()
    await page.getByTestId('status-save').click()
    await message(page, '该文件尚无政策解读').waitFor()
    await page.getByTestId('policy-status-dialog').getByRole('button', { name: '取消' }).click()
    await waitForText(page, 'policy-status', '起草')

    // 文字解读: seven headings, the side panel's facts inserted at the cursor.
    const textId = await newInterpretation(page, '文字解读')
    await page.getByTestId('text-section-input-6').waitFor()
    const texts = [
      '为依法处置闲置土地、促进节约集约用地，根据《闲置土地处置办法》制定本办法。',
      '',
      '起草过程中开展了专题调研，征求了相关部门意见。咨询电话：13800138000。',
      '用两年时间基本消化存量闲置土地。',
      '明确闲置土地认定标准和处置流程。',
      '推行闲置土地处置信息公开。',
      '市规划和自然资源局会同相关部门建立联动机制。',
    ]
    for (const [i, t] of texts.entries()) if (t) await field(page, `text-section-input-${i}`).fill(t)
    await field(page, 'text-section-input-1').fill('闲置土地费按')
    await field(page, 'text-section-input-1').click()
    await field(page, 'text-section-input-1').press('End')
    await page.getByTestId('editor-help').waitFor()
    const percent = page.locator('[data-testid^="fact-insert-percentage-"]').first()
    await percent.waitFor()
    await percent.click()
    const inserted = await field(page, 'text-section-input-1').inputValue()
    assert.match(inserted, /^闲置土地费按.*(百分之二十|20%)/)
    await pageShot(page, 'i-text-editor')
    await page.getByTestId('interp-save').click()
    await waitForText(page, 'interp-save', '已保存')

    // The pre-publication check finds the mobile number; it is kept with a reason.
    await page.getByTestId('interp-check').click()
    await page.getByTestId('finding-0').waitFor()
    const ctx = page.getByTestId('finding-context-0')
    assert.equal(await ctx.locator('mark').innerText(), '13800138000')
    assert.match(await ctx.innerText(), /咨询电话：13800138000/)
    await field(page, 'finding-reason-0').fill('本局对外公开的咨询电话')
    await page.getByTestId('finding-acknowledge-0').click()
    await page.getByTestId('finding-ack-0').waitFor()
    await page.getByTestId('prepub-clear').waitFor()
    await page.getByTestId('prepub-card').scrollIntoViewIfNeeded()
    await viewShot(page, 'i-prepub-findings')

    await signOff(page)
    await page.getByTestId('signoff-panel').scrollIntoViewIfNeeded()
    await viewShot(page, 'i-signoff-steps')

    // 图解 with seven blocks, drawn live.
    const graphicId = await newInterpretation(page, '图解')
    await page.getByTestId('block-1').waitFor()
    const preview = page.getByTestId('graphic-preview')
    await preview.waitFor()
    for (const kind of ['导语', '数字卡片', '流程步骤', '要点列表', '重点问答']) {
      await chooseOption(page, 'block-add-kind', kind)
      await page.getByTestId('block-add').click()
    }
    await page.getByTestId('block-6').waitFor() // title, five new blocks, footer
    await page.waitForTimeout(1200) // let the preview of the empty blocks settle
    const before = await preview.getAttribute('src')
    await field(page, 'block-text-0').fill('依法处置 · 节约集约')
    await field(page, 'block-text-1').fill('为依法处置闲置土地，市规划和自然资源局制定了《临江市闲置土地处置办法》，自2026年11月1日起施行。')
    await field(page, 'block-title-2').fill('关键数字')
    await field(page, 'block-2-figure-value-0').fill('20')
    await field(page, 'block-2-figure-unit-0').fill('%')
    await field(page, 'block-2-figure-label-0').fill('土地闲置费')
    await page.getByTestId('block-2-add-row').click()
    await field(page, 'block-2-figure-value-1').fill('30')
    await field(page, 'block-2-figure-unit-1').fill('日')
    await field(page, 'block-2-figure-label-1').fill('提交说明材料')
    await field(page, 'block-title-3').fill('处置流程')
    for (const [j, step] of ['调查', '认定', '告知', '处置'].entries()) {
      if (j > 0) await page.getByTestId('block-3-add-row').click()
      await field(page, `block-3-step-title-${j}`).fill(step)
    }
    await field(page, 'block-title-4').fill('需要提交的材料')
    await field(page, 'block-4-item-0').fill('土地使用权证书复印件')
    await page.getByTestId('block-4-add-row').click()
    await field(page, 'block-4-item-1').fill('闲置原因说明')
    await field(page, 'block-title-5').fill('重点问答')
    await field(page, 'block-5-question-0').fill('什么情况下会被认定为闲置土地？')
    await field(page, 'block-5-answer-0').fill('超过出让合同约定的动工开发日期满一年未动工开发的。')
    // Reorder: move the figures above the lead and back.
    await page.getByTestId('block-up-2').click()
    assert.equal(await field(page, 'block-title-1').inputValue(), '关键数字')
    await page.getByTestId('block-up-2').click()
    assert.equal(await field(page, 'block-title-2').inputValue(), '关键数字')
    await page.waitForFunction((old) => document.querySelector('[data-testid="graphic-preview"]')?.getAttribute('src') !== old, before, {
      timeout: 10_000,
    })
    await page.getByTestId('interp-save').click()
    await waitForText(page, 'interp-save', '已保存')
    await page.waitForTimeout(900) // the preview settles after the last edit
    await pageShot(page, 'i-graphic-editor')

    // Export the long image: 750 px wide and far from blank.
    await page.getByTestId('graphic-export-png').click()
    const pngPath = (await page.getByTestId('graphic-exported-png').getByTestId('exported-path-text').innerText()).trim()
    const png = readFileSync(pngPath)
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG')
    assert.equal(png.readUInt32BE(16), 750, 'the long image is 750 px wide')
    const height = png.readUInt32BE(20)
    assert.ok(height > 1200, `a seven-block 图解 is a long image, got ${height} px`)
    const blank = await page.evaluate(async () => (await window.go.app.InterpretationService.PreviewGraphicPNG({ blocks: [] })).length * 0.75)
    assert.ok(statSync(pngPath).size > Math.max(5 * blank, 40_000), `PNG of ${statSync(pngPath).size} bytes looks blank (empty page: ${blank})`)
    await page.getByTestId('graphic-export-html').click()
    await page.getByTestId('graphic-exported-html').waitFor()
    const htmlPath = (await page.getByTestId('graphic-exported-html').getByTestId('exported-path-text').innerText()).trim()
    assert.match(readFileSync(htmlPath, 'utf8'), /关键数字/)
    if (process.env.E2E_SHOTS) copyFileSync(pngPath, join(process.env.E2E_SHOTS, 'i-graphic-export.png'))

    // Returned at the first step: the opinion goes back to the drafter, who may edit and resubmit.
    await page.getByTestId('signoff-submit').click()
    // The officer who drafted it may not decide: the buttons are disabled and say who may.
    await page.getByTestId('signoff-blocked').waitFor()
    assert.match(await page.getByTestId('signoff-blocked').innerText(), /审核审签人员或系统管理员/)
    assert.ok(await page.getByTestId('signoff-approve').isDisabled(), 'a drafter cannot approve')
    await page.getByTestId('signoff-panel').scrollIntoViewIfNeeded()
    await viewShot(page, 'i-signoff-blocked')
    // The first step is the drafting section's head (by rule): they return it.
    const head = /待审签 · (\S+)/.exec(await page.getByTestId('signoff-step-view-0').innerText())?.[1]
    assert.ok(head, 'the first step names its signer')
    await switchUser(page, head)
    await page.getByTestId('signoff-return').click()
    await message(page, '退回时请填写审核意见').waitFor()
    await field(page, 'signoff-opinion').fill('流程步骤请补充每一步的说明。')
    await page.getByTestId('signoff-return').click()
    await page.getByTestId('signoff-returned').waitFor()
    assert.match(await page.getByTestId('signoff-returned').innerText(), /流程步骤请补充每一步的说明/)
    await waitForText(page, 'interp-status', '已退回')
    await switchUser(page, '周明远')
    await page.getByTestId('signoff-panel').scrollIntoViewIfNeeded()
    await viewShot(page, 'i-signoff-returned')
    await field(page, 'block-3-step-text-0').fill('核查土地闲置情况')
    await page.getByTestId('interp-save').click()
    await waitForText(page, 'interp-save', '已保存')

    await signOff(page)

    // The policy goes to 审签 now, and is published today from the 三同步 panel.
    await openApp(page, `/policies/${policyId}`)
    await page.getByTestId('policy-move-审签').click()
    await page.getByTestId('status-save').click()
    await waitForText(page, 'policy-status', '审签')

    await openApp(page, `/interpretations/policy/${policyId}`)
    // A policy is published only after its own sign-off round is complete.
    await signOff(page, { interpretation: false })
    await page.getByTestId('sync-publish').click()
    await page.getByTestId('prepub-clear').waitFor()
    assert.equal(await field(page, 'publish-date').inputValue(), '2026-02-13')
    await field(page, 'publish-url').fill('https://ghzy.linjiang.gov.cn/zwgk/zcwj/t_9.html')
    await page.getByTestId('publish-save').click()
    await page.getByTestId('publish-dialog').waitFor({ state: 'hidden' })
    for (const id of [textId, graphicId]) {
      await waitForText(page, `sync-due-${id}`, '剩余3个工作日')
      await waitForText(page, `sync-due-date-${id}`, '截止 2026-02-25')
    }
    assert.match(await page.getByTestId('sync-rule-同步审签').innerText(), /已满足/)
    assert.match(await page.getByTestId('sync-rule-同步发布').innerText(), /未完成/)
    await page.getByTestId('sync-export').click()
    await page.getByTestId('sync-package-dir').waitFor()
    assert.ok(statSync((await page.getByTestId('sync-package-dir').innerText()).trim()).isDirectory())
    await pageShot(page, 'i-sync-panel')

    // The list shows the countdown too.
    await openApp(page, '/interpretations')
    await waitForText(page, `interp-due-${graphicId}`, '剩余3个工作日')
    await pageShot(page, 'i-list-after')

    // A link to an interpretation that no longer exists says so on the page, with the way back.
    await openApp(page, '/interpretations/999999')
    await page.getByTestId('interp-missing').getByText('返回政策解读').waitFor()
    await pageShot(page, 'i-missing')

    assert.deepEqual(s.errors, [])
  } finally {
    await s.close()
  }
})
