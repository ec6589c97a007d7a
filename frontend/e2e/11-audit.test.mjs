import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { chooseOption, field, openApp, session, shot } from './harness.mjs'

const NEW_PHONE = '0571-8801 9999'

test('an edited section appears in 审计日志 with who and what; the chain verifies; the log exports', async () => {
  const s = await session()
  try {
    const { page } = s
    await openApp(page, '/settings/sections')
    assert.equal(await page.getByTestId('current-user-name').innerText(), '周明远')

    // Edit a section's name and phone.
    const row = page.getByTestId('sections-table').locator('tbody tr', { hasText: '综合组' })
    await row.getByRole('button', { name: '编辑' }).click()
    await page.getByTestId('section-dialog').waitFor()
    const oldPhone = await field(page, 'section-phone-input').inputValue()
    await field(page, 'section-name-input').fill('综合科')
    await field(page, 'section-phone-input').fill(NEW_PHONE)
    await page.getByTestId('section-save').click()
    await page.getByTestId('section-dialog').waitFor({ state: 'hidden' })
    await page.getByTestId('sections-table').getByText('综合科').waitFor()

    // The section's own 修改记录 shows the change.
    await page.getByTestId('sections-table').locator('tbody tr', { hasText: '综合科' }).getByRole('button', { name: '编辑' }).click()
    await page.getByTestId('section-history').getByText('修改记录').click()
    const item = page.getByTestId('record-history-item').first()
    await item.waitFor()
    const itemText = await item.innerText()
    assert.match(itemText, /修改/)
    assert.match(itemText, /周明远/)
    assert.match(itemText, /科室名称\s+综合组\s+→\s+综合科/)
    // Let the panel's opening animation finish (it sets an inline height while it runs).
    await page.waitForFunction(() => {
      const wrap = document.querySelector('[data-testid="section-history"] .el-collapse-item__wrap')
      return wrap && wrap.style.height === '' && wrap.style.overflow === ''
    })
    await item.getByTestId('change-table').scrollIntoViewIfNeeded()
    await shot(page, 'f-section-history', { fullPage: false })
    await page.getByTestId('section-dialog').locator('xpath=ancestor::div[contains(@class,"el-dialog")]').getByRole('button', { name: '取消' }).click()
    await page.getByTestId('section-dialog').waitFor({ state: 'hidden' })

    // 审计日志: newest first, with person, action, object and the old → new values.
    await page.getByTestId('settings-tab-audit').click()
    await page.waitForURL('**/#/settings/audit')
    const first = page.getByTestId('audit-table').locator('tbody tr.el-table__row').first()
    await first.waitFor()
    const firstText = await first.innerText()
    assert.match(firstText, /周明远/)
    assert.match(firstText, /修改/)
    assert.match(firstText, /科室\s*#\d+/)
    assert.match(firstText, /修改科室 综合科/)
    await first.locator('.el-table__expand-icon').click()
    const changes = page.locator('[data-testid^="audit-changes-"]').first()
    await changes.waitFor()
    const changesText = await changes.innerText()
    assert.match(changesText, /科室名称\s+综合组\s+→\s+综合科/)
    assert.match(changesText, new RegExp(`电话\\s+${oldPhone || '—'}\\s+→\\s+${NEW_PHONE}`))

    // Filters: by object type and person.
    await chooseOption(page, 'audit-filter-entity', '科室')
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="audit-table"] tbody tr.el-table__row')].every((tr) => tr.textContent.includes('科室')),
    )
    await chooseOption(page, 'audit-filter-person', '周明远')
    await page.getByTestId('audit-table').getByText('修改科室 综合科').waitFor()
    assert.match(await page.getByTestId('audit-total').innerText(), /^共[1-9]\d*条$/)

    // 校验完整性
    await page.getByTestId('audit-verify').click()
    const verdict = page.getByTestId('audit-verify-result')
    await verdict.waitFor()
    assert.match(await verdict.innerText(), /^审计记录完整：共[1-9]\d*条，哈希链校验通过$/)
    assert.equal(await verdict.getAttribute('data-ok'), 'true')

    // 导出 XLSX: the message names a file in the data directory's exports folder.
    await page.getByTestId('audit-export').click()
    const pathEl = page.getByTestId('audit-export-path')
    await pathEl.waitFor()
    const path = await pathEl.innerText()
    assert.match(path, /\.xlsx$/)
    assert.ok(path.startsWith(join(s.dataDir, 'exports')), `${path} is in the exports folder`)
    assert.ok(existsSync(path) && statSync(path).size > 0, `${path} exists`)
    await page.getByTestId('audit-export-copy').waitFor()
    await page.waitForFunction(() => {
      const m = document.querySelector('.audit-export-message')
      return m && !/-enter/.test(m.className) && getComputedStyle(m).opacity === '1'
    })
    await shot(page, 'f-audit-log')

    // 设置 → 关于: the log folder holds the program's masked log, and the 诊断包 carries it with the checks.
    await openApp(page, '/settings/about')
    const logDir = (await page.getByTestId('about-log-dir').innerText()).trim()
    assert.equal(logDir, join(s.dataDir, 'logs'))
    assert.match(readFileSync(join(logDir, 'policydesk.log'), 'utf8'), /program started/)
    await page.getByTestId('open-log-folder').waitFor()
    await page.getByTestId('export-diagnostics').click()
    const bundle = (await page.getByTestId('diagnostics-path').innerText()).trim()
    assert.ok(bundle.startsWith(join(s.dataDir, 'exports', '诊断包-')) && bundle.endsWith('.zip'), bundle)
    assert.ok(statSync(bundle).size > 0, `${bundle} is written`)
    await shot(page, 'f-diagnostics', { fullPage: false })
    assert.deepEqual(s.errors, [])
  } finally {
    await s.close()
  }
})
