import { test } from 'node:test'
import assert from 'node:assert/strict'
import { field, openApp, session, shot } from './harness.mjs'

const BUREAU = '<script>window.__xss=1</script>临江'
const SECTION = '<img src=x onerror="window.__xss=2">科室'

/** What must hold on every screen: nothing ran, and the markup did not become elements. */
async function assertInert(page, dialogs) {
  assert.equal(await page.evaluate(() => typeof window.__xss), 'undefined')
  assert.equal(await page.locator('img[src="x"]').count(), 0)
  assert.equal(await page.evaluate(() => [...document.scripts].some((s) => s.textContent.includes('__xss'))), false)
  assert.deepEqual(dialogs, [])
}

test('names with markup are shown as text and never run', async () => {
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
    assert.deepEqual(s.errors, [])
  } finally {
    await s.close()
  }
})
