// Team mode end to end: `policydesk serve --demo` (plain build, no GTK) on 127.0.0.1 over TLS with a
// self-signed certificate, two browser contexts (a 信箱管理员 and an approver), then the desktop dev build
// connected to the same server through 设置 → 单位服务器.
//
// Variables: POLICYDESK_SERVER_BIN (go build -o … .), POLICYDESK_BIN + POLICYDESK_ASSETS (the dev build, as for
// the other files), E2E_SERVER_HOST (default 127.0.0.1:34137), E2E_HOST (the dev build's port), E2E_SHOTS, and
// E2E_SERVER_DB to run the server on a PostgreSQL database (build/e2e.sh does both).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { request } from 'node:https'
import { connect } from 'node:tls'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { BASE_URL, chooseOption, field, shot, startApp, tempDir, waitForText } from './harness.mjs'

const SERVER_HOST = process.env.E2E_SERVER_HOST || '127.0.0.1:34137'
const SERVER = `https://${SERVER_HOST}`
const NOW = '2026-11-20T09:00:00'
const SUBJECT = '团队模式测试：二手房过户需要哪些材料'

const HEADERS = ['留言编号', '留言时间', '留言人', '联系电话', '留言标题', '留言内容', '留言类型', '是否同意公开']
const ROWS = [
  ['T20261101', '2026-11-18 10:12', '钱芳', '', SUBJECT, '我准备购买一套二手房，请问办理过户和不动产登记需要买卖双方带哪些材料？需要提前预约吗？', '咨询', '是'],
  ['T20261102', '2026-11-19 11:30', '周婷', '', '团队模式测试：房产证遗失补办', '家里的房产证丢了，不动产权证书遗失补办需要登报吗？多久能拿到？', '咨询', '是'],
]

/** One HTTPS request to the test server (its certificate is self-signed: trusted here by fingerprint only). */
function api(method, path, { body, cookie = '', csrf = '' } = {}) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body))
    const req = request(
      `${SERVER}${path}`,
      {
        method,
        rejectUnauthorized: false,
        headers: {
          Accept: 'application/json',
          ...(data ? { 'Content-Type': 'application/json', 'Content-Length': data.length } : {}),
          ...(cookie ? { Cookie: cookie } : {}),
          ...(csrf ? { 'X-CSRF-Token': csrf } : {}),
        },
        timeout: 10_000,
      },
      (res) => {
        const chunks = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString()
          let json = null
          try {
            json = text ? JSON.parse(text) : null
          } catch {
            // not JSON
          }
          resolve({ status: res.statusCode, json, text, cookie: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ') })
        })
      },
    )
    req.on('error', reject)
    req.on('timeout', () => req.destroy(new Error('timeout')))
    if (data) req.write(data)
    req.end()
  })
}

/** The SHA-256 fingerprint of the certificate the server presents, as AB:CD:… */
function serverFingerprint() {
  const [host, port] = SERVER_HOST.split(':')
  return new Promise((resolve, reject) => {
    const sock = connect({ host, port: Number(port), rejectUnauthorized: false }, () => {
      const fp = sock.getPeerCertificate().fingerprint256
      sock.end()
      resolve(fp)
    })
    sock.on('error', reject)
  })
}

async function startServer(dataDir) {
  const bin = process.env.POLICYDESK_SERVER_BIN
  if (!bin) throw new Error('POLICYDESK_SERVER_BIN is not set (go build -o build/bin/policydesk .)')
  // E2E_SERVER_DB: the server on that PostgreSQL database instead of the data directory's SQLite file
  const db = process.env.E2E_SERVER_DB ? ['--db', process.env.E2E_SERVER_DB] : []
  const child = spawn(bin, ['serve', '--demo', '--listen', SERVER_HOST, '--data-dir', dataDir, '--tls-self-signed', ...db], {
    env: { ...process.env, POLICYDESK_NOW: NOW, POLICYDESK_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (c) => (output = (output + c).slice(-20000)))
  child.stderr.on('data', (c) => (output = (output + c).slice(-20000)))
  let exited = false
  const gone = new Promise((r) => child.once('exit', () => r((exited = true))))
  const deadline = Date.now() + 120_000
  for (;;) {
    if (exited) throw new Error(`the server exited:\n${output}`)
    try {
      const r = await api('GET', '/api/me')
      if (r.status === 401) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`the server did not answer on ${SERVER}:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  return {
    output: () => output,
    async stop() {
      if (exited) return
      child.kill('SIGTERM')
      const t = setTimeout(() => child.kill('SIGKILL'), 5000)
      await gone
      clearTimeout(t)
    },
  }
}

function csv(rows) {
  const cell = (v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)
  return '\ufeff' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}

async function newPage(browser, errors, who) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ignoreHTTPSErrors: true })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  page.on('pageerror', (e) => {
    const where = e.stack || e.message
    if (!/\/wails\/(ipc|runtime)\.js/.test(where)) errors.push(`${who}: ${where}`)
  })
  return { context, page }
}

async function signIn(page, url, account) {
  await page.goto(url)
  await page.getByTestId('login-form').waitFor()
  await field(page, 'login-name').fill(account.login)
  await field(page, 'login-password').fill(account.password)
  await page.getByTestId('login-submit').click()
  await waitForText(page, 'current-user-name', account.name)
}

/** Fills the password dialog that a signature asks for. */
async function confirmPassword(page, password) {
  await page.getByTestId('confirm-dialog').waitFor()
  await field(page, 'confirm-password').fill(password)
  await page.getByTestId('confirm-submit').click()
  await page.getByTestId('confirm-dialog').waitFor({ state: 'hidden' })
}

async function openBySearch(page, text) {
  await field(page, 'inbox-search').fill(text)
  const link = page.locator('[data-testid^="message-link-"]', { hasText: text }).first()
  await link.waitFor()
  await link.click()
  await page.waitForURL(/#\/mailbox\/\d+$/)
  await page.getByTestId('message-text').waitFor()
}

test('团队模式: two people on one server, live inbox, signature with password, own-reply refusal, conflict, 401, lockout; a desk connects', async () => {
  const data = tempDir('pd-e2e-server-')
  const deskData = tempDir('pd-e2e-desk-')
  const files = tempDir('pd-e2e-team-')
  const errors = []
  let server
  let browser
  let desk
  try {
    server = await startServer(data.dir)

    // Without a session the API answers 401 with a Chinese message, for every service.
    const anon = await api('POST', '/api/SettingsService/GetBureau', { body: [] })
    assert.equal(anon.status, 401, anon.text)
    assert.equal(anon.json?.code, 'unauthenticated')
    assert.match(anon.json?.message ?? '', /登录/)

    // The demo accounts are listed by the login page (only because the server runs --demo).
    const page0 = await api('POST', '/api/AuthService/LoginPage', { body: [] })
    assert.equal(page0.status, 200, page0.text)
    const accounts = page0.json.demoAccounts ?? []
    const clerk = accounts.find((a) => a.role === 'mailbox')
    const approver = accounts.find((a) => a.name === '张卫东') ?? accounts.find((a) => a.role === 'approver')
    const victim = accounts.find((a) => a !== clerk && a !== approver)
    assert.ok(clerk && approver && victim, `demo accounts: ${JSON.stringify(accounts.map((a) => [a.login, a.role]))}`)

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    })
    const a = await newPage(browser, errors, 'approver')
    const c = await newPage(browser, errors, 'clerk')

    // 登录: the bureau's name, 账号/密码, the demo accounts.
    await a.page.goto(`${SERVER}/#/mailbox`)
    await a.page.getByTestId('login-form').waitFor()
    assert.match(await a.page.getByTestId('login-bureau').innerText(), /局/)
    await a.page.getByTestId(`login-demo-${approver.login}`).waitFor()
    await shot(a.page, 't-login')

    await signIn(a.page, `${SERVER}/#/mailbox`, approver)
    await signIn(c.page, `${SERVER}/#/mailbox`, clerk)
    await shot(c.page, 't-clerk-signed-in')

    // The approver keeps the inbox open, searching for the subject (nothing yet).
    await a.page.getByTestId('inbox-table').waitFor()
    await field(a.page, 'inbox-search').fill('团队模式测试')
    await a.page.waitForFunction(() => document.querySelectorAll('[data-testid^="message-link-"]').length === 0)

    // The clerk imports the messages (an upload in the browser).
    const file = join(files.dir, '留言导出.csv')
    writeFileSync(file, csv([HEADERS, ...ROWS]))
    await c.page.getByTestId('mailbox-import-link').click()
    await c.page.getByTestId('mailbox-import-file').setInputFiles(file)
    await waitForText(c.page, 'mailbox-import-counts', '共2行，重复0行，可导入2行')
    await c.page.getByTestId('mailbox-import-apply').click()
    await c.page.getByTestId('mailbox-import-result').waitFor()

    // …and the approver's open inbox shows them without a reload.
    let t0 = Date.now()
    await a.page.locator('[data-testid^="message-link-"]', { hasText: SUBJECT }).waitFor({ timeout: 2000 })
    console.log(`import visible to the approver after ${Date.now() - t0} ms`)

    // The clerk replies and submits to the approver.
    await c.page.getByTestId('nav-mailbox').click()
    await openBySearch(c.page, SUBJECT)
    if ((await c.page.getByTestId('message-state').innerText()) === '待分办') {
      await c.page.getByTestId('act-reroute').click()
      await chooseOption(c.page, 'reroute-topic', '不动产登记')
      await field(c.page, 'action-reason').fill('属不动产登记咨询')
      await c.page.getByTestId('action-save').click()
      await c.page.getByTestId('action-dialog').waitFor({ state: 'hidden' })
    }
    await c.page.getByTestId('reply-editor').waitFor()
    await chooseOption(c.page, 'reply-template', '咨询类答复')
    await c.page.waitForFunction(() => (document.querySelector('textarea[data-testid="reply-body"], [data-testid="reply-body"] textarea')?.value ?? '').length > 20)
    await chooseOption(c.page, 'reply-approver', approver.name)
    await c.page.getByTestId('reply-submit').click()
    t0 = Date.now()
    await waitForText(c.page, 'message-state', '待审核')
    const messageId = Number(/#\/mailbox\/(\d+)$/.exec(c.page.url())[1])

    // The approver's open inbox shows the new state within 2 s, without reload.
    const row = a.page.locator('.el-table__row', { has: a.page.getByTestId(`message-link-${messageId}`) })
    await a.page.waitForFunction((id) => {
      const link = document.querySelector(`[data-testid="message-link-${id}"]`)
      return link?.closest('tr')?.textContent?.includes('待审核')
    }, messageId, { timeout: 2000 })
    console.log(`reply visible to the approver after ${Date.now() - t0} ms`)
    assert.match(await row.innerText(), /待审核/)
    await shot(a.page, 't-approver-inbox-live')

    // The clerk cannot approve their own reply: the button says why, and the server refuses the call itself.
    assert.ok(await c.page.getByTestId('act-approve').isDisabled())
    const refused = await c.page.evaluate(async (id) => {
      try {
        await window.go.app.MailboxService.ApproveReply(id, '自己同意')
        return null
      } catch (e) {
        return e
      }
    }, messageId)
    assert.ok(refused && ['forbidden', 'confirm'].includes(refused.code), JSON.stringify(refused))
    if (refused.code === 'confirm') {
      // asked for the signature first: confirm, and the refusal follows
      const again = await c.page.evaluate(async ([id, pw]) => {
        await window.go.app.AuthService.ConfirmPassword(pw)
        try {
          await window.go.app.MailboxService.ApproveReply(id, '自己同意')
          return null
        } catch (e) {
          return e
        }
      }, [messageId, clerk.password])
      assert.equal(again?.code, 'forbidden', JSON.stringify(again))
      assert.match(again.message, /[\u4e00-\u9fff]/)
    } else {
      assert.match(refused.message, /[\u4e00-\u9fff]/)
    }

    // The approver re-enters the password and approves.
    await a.page.getByTestId(`message-link-${messageId}`).click()
    await a.page.getByTestId('message-text').waitFor()
    await a.page.getByTestId('act-approve').click()
    await field(a.page, 'action-opinion').fill('同意答复')
    await a.page.getByTestId('action-save').click()
    await a.page.getByTestId('confirm-dialog').waitFor()
    await a.page.waitForTimeout(300)
    await shot(a.page, 't-approver-confirm', { fullPage: false })
    await confirmPassword(a.page, approver.password)
    await waitForText(a.page, 'message-state', '已答复')
    await shot(a.page, 't-approver-approved')

    // A save from a stale second tab is refused as a conflict and offers 刷新.
    await c.page.getByTestId('nav-mailbox').click()
    const other = await c.context.newPage()
    other.on('pageerror', (e) => errors.push(`clerk tab 2: ${e.message}`))
    await other.goto(`${SERVER}/#/mailbox`)
    await openBySearch(c.page, '团队模式测试：房产证遗失补办')
    await openBySearch(other, '团队模式测试：房产证遗失补办')
    for (const p of [c.page, other]) {
      await p.getByTestId('act-reroute').click()
      await p.getByTestId('action-dialog').waitFor()
    }
    await chooseOption(c.page, 'reroute-topic', '城市更新')
    await field(c.page, 'action-reason').fill('第一个标签页改派')
    await c.page.getByTestId('action-save').click()
    await c.page.getByTestId('action-dialog').waitFor({ state: 'hidden' })
    await chooseOption(other, 'reroute-topic', '违法用地举报')
    await field(other, 'action-reason').fill('第二个标签页改派')
    await other.getByTestId('action-save').click()
    await other.getByTestId('conflict-message').waitFor()
    assert.match(await other.getByTestId('conflict-message').innerText(), /修改|刷新/)
    await shot(other, 't-conflict', { fullPage: false })
    await other.getByTestId('conflict-refresh').click()
    await other.close()

    // Five wrong passwords lock the account; then even the right one is refused, in Chinese.
    const l = await newPage(browser, errors, 'lockout')
    await l.page.goto(`${SERVER}/`)
    await l.page.getByTestId('login-form').waitFor()
    for (let i = 0; i < 5; i++) {
      await field(l.page, 'login-name').fill(victim.login)
      await field(l.page, 'login-password').fill(`Wrong-${i}-pass`)
      await l.page.getByTestId('login-submit').click()
      await l.page.getByTestId('login-error').waitFor()
      await l.page.waitForFunction(() => !document.querySelector('[data-testid="login-submit"]')?.classList.contains('is-loading'))
    }
    await field(l.page, 'login-name').fill(victim.login)
    await field(l.page, 'login-password').fill(victim.password)
    await l.page.getByTestId('login-submit').click()
    await l.page.waitForFunction(() => /锁定/.test(document.querySelector('[data-testid="login-error"]')?.textContent ?? ''))
    await shot(l.page, 't-lockout')
    const locked = await api('POST', '/api/login', { body: { login: victim.login, password: victim.password } })
    assert.ok([401, 403, 429].includes(locked.status), locked.text)
    assert.match(locked.json?.message ?? '', /锁定/)

    // The desktop dev build connects to the same server and shows the same inbox.
    desk = await startApp({ dataDir: deskData.dir, now: NOW })
    const d = await newPage(browser, errors, 'desk')
    await d.page.goto(`${BASE_URL}/#/settings/server`)
    // a desk that asks for a sign-in offers 单位服务器 on its 登录 page; one that does not opens the page itself
    await d.page.locator('[data-testid="server-settings"], [data-testid="login-server"]').first().waitFor({ timeout: 30_000 })
    if (await d.page.getByTestId('login-server').isVisible()) await d.page.getByTestId('login-server').click()
    await d.page.getByTestId('server-settings').waitFor()
    await field(d.page, 'server-address').fill(SERVER)
    await d.page.getByTestId('server-probe').click()
    await d.page.getByTestId('server-probe-result').waitFor()
    const shown = (await d.page.getByTestId('server-fingerprint').innerText()).trim()
    assert.equal(shown, await serverFingerprint())
    await shot(d.page, 't-desk-probe')
    await d.page.getByTestId('server-compared').click()
    await d.page.getByTestId('server-connect').click()
    await d.page.getByTestId('login-form').waitFor()
    await field(d.page, 'login-name').fill(approver.login)
    await field(d.page, 'login-password').fill(approver.password)
    await d.page.getByTestId('login-submit').click()
    await waitForText(d.page, 'current-user-name', approver.name)
    await d.page.goto(`${BASE_URL}/#/mailbox`)
    await d.page.getByTestId('inbox-table').waitFor()
    await field(d.page, 'inbox-search').fill(SUBJECT)
    await d.page.waitForFunction((id) => {
      const link = document.querySelector(`[data-testid="message-link-${id}"]`)
      return link?.closest('tr')?.textContent?.includes('已答复')
    }, messageId)
    assert.match(await d.page.getByTestId('header-where').innerText(), /单位服务器/)
    await shot(d.page, 't-desk-connected-inbox')

    assert.deepEqual(errors, [])
  } finally {
    await browser?.close()
    await desk?.stop()
    await server?.stop()
    data.cleanup()
    deskData.cleanup()
    files.cleanup()
  }
})
