import { test } from 'node:test'
import assert from 'node:assert/strict'
import { openSync, writeSync, closeSync, rmSync, existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { BASE_URL, field, openApp, session, shot } from './harness.mjs'

const NAME = '临江市规划和自然资源局（备份中的名称）'

async function until(check, what, ms = 20_000) {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

async function serving() {
  try {
    return (await fetch(BASE_URL, { signal: AbortSignal.timeout(1000) })).ok
  } catch {
    return false
  }
}

test('a damaged database opens the recovery page, which restores a backup; nothing is recreated silently', async () => {
  const s = await session()
  try {
    const { page } = s
    // A known state, backed up.
    await openApp(page, '/settings/bureau')
    await field(page, 'bureau-name-input').fill(NAME)
    await page.getByTestId('bureau-save').click()
    await page.getByTestId('header-bureau').getByText(NAME).waitFor()
    const backup = await page.evaluate(() => window.go.app.SystemService.BackupNow())
    assert.match(backup.name, /-manual\.db$/)

    // The app stops; the database file is damaged: the schema page after the 100-byte file header and the
    // pages after it are overwritten, and its WAL is lost.
    await s.app.stop()
    const db = join(s.dataDir, 'policydesk.db')
    const fd = openSync(db, 'r+')
    writeSync(fd, Buffer.alloc(4096 * 8 - 100, 0x5a), 0, 4096 * 8 - 100, 100)
    closeSync(fd)
    rmSync(db + '-wal', { force: true })
    rmSync(db + '-shm', { force: true })

    // The next start shows only the recovery page, naming the problem and the backups.
    await s.restart()
    await page.goto('about:blank') // a real reload: a hash-only navigation would keep the old page
    await page.goto(`${BASE_URL}/#/dashboard`)
    await page.getByTestId('recovery').waitFor()
    const text = await page.getByTestId('recovery').innerText()
    assert.match(text, /数据库无法打开/)
    assert.match(text, /policydesk\.db/)
    assert.match(text, /手动备份/)
    assert.equal(await page.locator('[data-testid="header-bureau"]').count(), 0, 'the normal app must not start')
    await shot(page, 'h-recovery')

    // Restore: the damaged file is kept, the app closes, and the next start has the backed-up data.
    await page.getByTestId(`recovery-restore-${backup.name}`).click()
    await page.locator('.el-message-box').getByRole('button', { name: '恢复并关闭程序' }).click()
    await until(async () => !(await serving()), 'the app to close after the restore')
    const kept = readdirSync(join(s.dataDir, 'backups')).filter((f) => f.startsWith('damaged-'))
    assert.equal(kept.length, 1, 'the damaged database is kept in the backups folder')
    assert.ok(existsSync(db))

    await s.restart()
    await page.goto('about:blank')
    await openApp(page, '/dashboard')
    await page.getByTestId('header-bureau').getByText(NAME).waitFor()
    assert.deepEqual(s.errors, [])
  } finally {
    await s.close()
  }
})
