import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { field, openApp, session, shot } from './harness.mjs'

const CHANGED_NAME = '临江市规划和自然资源局（恢复测试）'
const NEW_SECTION = '应急保障科'

test('a backup taken in 数据安全 restores the old data without restarting the app', async () => {
  const s = await session()
  try {
    const { page } = s
    await openApp(page, '/settings/bureau')
    const original = await field(page, 'bureau-name-input').inputValue()
    assert.ok(original.length > 0)

    // 立即备份: the list gets a 手动备份 entry, stored in the data directory's backups folder.
    await page.getByTestId('settings-tab-backup').click()
    await page.waitForURL('**/#/settings/backup')
    await page.getByTestId('backup-table').waitFor()
    // The folder is shown once the installation's details have loaded ("…" until then).
    await page.waitForFunction(() => document.querySelector('[data-testid="backup-dir"]')?.textContent !== '…')
    assert.equal(await page.getByTestId('backup-dir').innerText(), join(s.dataDir, 'backups'))
    await page.getByTestId('backup-now').click()
    const restoreManual = page.locator('[data-testid^="backup-restore-"][data-testid$="-manual.db"]')
    await restoreManual.waitFor()
    assert.equal(await restoreManual.count(), 1)
    const manualName = (await restoreManual.getAttribute('data-testid')).replace('backup-restore-', '')
    assert.ok(existsSync(join(s.dataDir, 'backups', manualName)), `${manualName} is on disk`)
    const manualRow = page.getByTestId('backup-table').locator('tr', { hasText: manualName })
    assert.match(await manualRow.innerText(), /手动备份/)
    assert.match(await manualRow.innerText(), /\d+\.\d (KB|MB)/)
    await shot(page, 'e-backup-list')

    // Change the bureau's name and add a section after the backup.
    await page.getByTestId('settings-tab-bureau').click()
    await field(page, 'bureau-name-input').fill(CHANGED_NAME)
    await page.getByTestId('bureau-save').click()
    await page.getByTestId('header-bureau').getByText(CHANGED_NAME).waitFor()
    await page.getByTestId('settings-tab-sections').click()
    await page.getByTestId('section-add').click()
    await page.getByTestId('section-dialog').waitFor()
    await field(page, 'section-name-input').fill(NEW_SECTION)
    await page.getByTestId('section-save').click()
    await page.getByTestId('section-dialog').waitFor({ state: 'hidden' })
    await page.getByTestId('sections-table').getByText(NEW_SECTION).waitFor()

    // A second window stays on the dashboard: it learns of the restore only through the data:restored event.
    const other = await page.context().newPage()
    await openApp(other, '/dashboard')
    await other.getByTestId('header-bureau').getByText(CHANGED_NAME).waitFor()

    // Restore: the confirmation says the current data is kept first.
    await page.getByTestId('settings-tab-backup').click()
    await page.getByTestId(`backup-restore-${manualName}`).click()
    const confirm = page.locator('.restore-confirm')
    await confirm.waitFor()
    await page.waitForFunction(() => {
      const overlay = document.querySelector('.restore-confirm')?.closest('.el-overlay')
      return overlay && !/-enter/.test(overlay.className) && getComputedStyle(overlay).opacity === '1'
    })
    const question = await confirm.innerText()
    assert.match(question, /恢复前自动备份/)
    assert.ok(question.includes(manualName), 'the confirmation names the backup')
    await shot(page, 'e-restore-confirm', { fullPage: false })
    await confirm.getByRole('button', { name: '恢复', exact: true }).click()

    const result = page.getByTestId('restore-result')
    await result.waitFor()
    const resultText = await result.innerText()
    assert.ok(resultText.includes(manualName), 'the result names the restored backup')
    const safetyPath = await page.getByTestId('restore-safety-path').innerText()
    assert.match(safetyPath, /before-restore(-\d+)?\.db$/)
    assert.ok(existsSync(safetyPath), 'the safety copy is on disk')

    // The old data is shown at once: header, list, forms.
    await page.getByTestId('header-bureau').getByText(original, { exact: true }).waitFor()
    const safety = page.getByTestId('backup-table').locator('tr', { hasText: '恢复前自动备份' })
    await safety.first().waitFor()
    assert.equal(await safety.count(), 1)
    await shot(page, 'e-restore-done')
    await other.getByTestId('header-bureau').getByText(original, { exact: true }).waitFor()
    await other.close()

    await page.getByTestId('settings-tab-sections').click()
    await page.getByTestId('sections-table').getByText('综合组').waitFor()
    assert.doesNotMatch(await page.getByTestId('sections-table').innerText(), new RegExp(NEW_SECTION))
    await page.getByTestId('settings-tab-bureau').click()
    assert.equal(await field(page, 'bureau-name-input').inputValue(), original)
    assert.deepEqual(s.errors, [])
  } finally {
    await s.close()
  }
})
