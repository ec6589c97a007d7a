import { test } from 'node:test'
import assert from 'node:assert/strict'
import { field, openApp, session, shot } from './harness.mjs'

const BUREAU = '<script>window.__xss=1</script>临江'
const SECTION = '<img src=x onerror="window.__xss=2">科室'
const SUBJECT = '<script>window.__xss=3</script>关于加装电梯的咨询'
const BODY = '请问<img src=x onerror="window.__xss=4">老旧小区加装电梯<b>怎么</b>申请？'

/** What must hold on every screen: nothing ran, and the markup did not become elements. */
async function assertInert(page, dialogs) {
  assert.equal(await page.evaluate(() => typeof window.__xss), 'undefined')
  assert.equal(await page.locator('img[src="x"]').count(), 0)
  assert.equal(await page.evaluate(() => [...document.scripts].some((s) => s.textContent.includes('__xss'))), false)
  assert.deepEqual(dialogs, [])
}

test('names and messages with markup are shown as text and never run', async () => {
  const s = await session()
  try {
    const { page } = s
    const dialogs = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      d.dismiss().catch(() => {})
    })
    await openApp(page, '/settings/bureau')

    await field(page, 'bureau-name-input').fill(BUREAU)
    await page.getByTestId('bureau-save').click()
    await page.getByText('单位信息已保存').waitFor()
    const header = page.getByTestId('header-bureau')
    await header.getByText(BUREAU, { exact: true }).waitFor()

    await page.getByTestId('settings-tab-sections').click()
    await page.getByTestId('section-add').click()
    await page.getByTestId('section-dialog').waitFor()
    await field(page, 'section-name-input').fill(SECTION)
    await page.getByTestId('section-save').click()
    await page.getByTestId('section-dialog').waitFor({ state: 'hidden' })
    const table = page.getByTestId('sections-table')
    await table.getByText(SECTION, { exact: true }).waitFor()

    assert.ok((await header.innerText()).includes('<script>'), 'the header shows <script> literally')
    assert.ok((await table.innerText()).includes('<img'), 'the table shows <img literally')
    await assertInert(page, dialogs)
    await shot(page, 'g-injection-sections')

    // The audit trail and a fresh page load (the first render of stored data) show them as text as well.
    await page.getByTestId('settings-tab-audit').click()
    await page.getByTestId('audit-table').getByText(`新建科室 ${SECTION}`, { exact: true }).waitFor()
    await page.goto('about:blank')
    await openApp(page, '/settings/sections')
    await page.getByTestId('sections-table').getByText(SECTION, { exact: true }).waitFor()
    assert.ok((await page.getByTestId('header-bureau').innerText()).includes(BUREAU))
    await assertInert(page, dialogs)

    // A citizen's message with markup (as it may arrive by mail or from the website's export) is shown as
    // text in the inbox and in the message itself, matched words highlighted around it.
    const message = await page.evaluate(
      ([subject, body]) =>
        window.go.app.MailboxService.CreateMessage({
          externalId: '', channel: '网站', receivedAt: '2026-11-20 08:30', senderName: '<i>市民</i>', senderPhone: '',
          senderEmail: '', senderAddress: '', subject, body, type: '咨询', agreePublish: false,
        }),
      [SUBJECT, BODY],
    )
    await openApp(page, `/mailbox/${message.id}`)
    await page.getByTestId('message-subject').getByText(SUBJECT, { exact: false }).first().waitFor()
    assert.ok((await page.getByTestId('message-subject').innerText()).includes('<script>'))
    assert.ok((await page.getByTestId('message-body').innerText()).includes('<img src=x'))
    assert.equal(await page.getByTestId('message-body').locator('b').count(), 0, 'no <b> element from the text')
    await assertInert(page, dialogs)
    await shot(page, 'g-injection-message')
    await openApp(page, '/mailbox')
    await page.getByText(SUBJECT, { exact: false }).first().waitFor()
    await assertInert(page, dialogs)
    assert.deepEqual(s.errors, [])
  } finally {
    await s.close()
  }
})
