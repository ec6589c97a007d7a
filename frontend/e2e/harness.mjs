// End-to-end harness: starts the real app (dev build, real Go services) serving its UI on a local port,
// and drives Debian's Chromium through playwright-core. build/e2e.sh sets POLICYDESK_BIN,
// POLICYDESK_ASSETS and E2E_SHOTS and runs the tests under Xvfb (GTK needs a display).
import { spawn } from 'node:child_process'
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { confirmSignatures } from './signin.mjs'

export const HOST = process.env.E2E_HOST || '127.0.0.1:34115'
export const BASE_URL = `http://${HOST}`

function required(name) {
  const v = process.env[name]
  if (!v) throw new Error(`${name} is not set: run the end-to-end tests through build/e2e.sh`)
  return v
}

/** A fresh temporary directory, removed by the returned cleanup function. */
export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

async function answers(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) })
    return res.ok
  } catch {
    return false
  }
}

/**
 * Starts the app on dataDir with its clock fixed at now, and resolves once the dev server answers.
 * Fails with the app's output when it exits early or does not answer within 60 s.
 */
export async function startApp({ dataDir, now }) {
  const bin = required('POLICYDESK_BIN')
  const assets = required('POLICYDESK_ASSETS')
  if (await answers(BASE_URL)) throw new Error(`${HOST} is already in use: another app instance is still running`)
  const child = spawn(bin, ['-devserver', HOST, '-assetdir', assets], {
    env: { ...process.env, POLICYDESK_DATA_DIR: dataDir, POLICYDESK_NOW: now },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-20000)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
  let done = false
  exited.then(() => (done = true))

  const deadline = Date.now() + 60_000
  while (!(await answers(BASE_URL))) {
    if (done) throw new Error(`the app exited before serving ${BASE_URL}:\n${output}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`the app did not answer on ${BASE_URL} within 60 s:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 200))
  }

  return {
    output: () => output,
    /** SIGTERM, then SIGKILL if the app has not exited after 5 s. */
    async stop() {
      if (done) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
      // The data directory stays locked until the process is gone; wait for the port to be free too.
      const until = Date.now() + 5000
      while ((await answers(BASE_URL)) && Date.now() < until) await new Promise((r) => setTimeout(r, 100))
    },
  }
}

/** Launches headless Chromium with a fresh profile; close() also removes the profile. */
export async function launchBrowser() {
  const profile = tempDir('pd-chromium-')
  const context = await chromium.launchPersistentContext(profile.dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport: { width: 1360, height: 860 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  return {
    context,
    async newPage() {
      const page = await context.newPage()
      page.setDefaultTimeout(15_000)
      return page
    },
    async close() {
      await context.close()
      profile.cleanup()
    },
  }
}

/**
 * Saves a screenshot as $E2E_SHOTS/name.png (skipped when E2E_SHOTS is unset). Pages are taken whole;
 * pass { fullPage: false } while a dialog is open, since the dialog's overlay covers only the window.
 */
export async function shot(page, name, { fullPage = true } = {}) {
  const dir = process.env.E2E_SHOTS
  if (!dir) return
  mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage })
}

/** The demo account the tests work as unless they sign in as somebody else (shown on the demo 登录 page). */
export const DEMO_LOGIN = { login: 'zhoumy', password: 'Demo-2026', name: '周明远' }

/**
 * Signs the desk in as the demo's 周明远 when it asks for a sign-in (the demo desk has more than one login),
 * through the bound AuthService, then reloads so the app starts signed in. Tests of the 登录 page itself
 * sign in through the page (signin.mjs).
 */
export async function signInDesk(page, { login, password } = DEMO_LOGIN) {
  await page.waitForFunction(() => window.go?.app?.AuthService?.LoginPage)
  // a first start writes the demo bureau after its window is up: the 登录 page's facts wait for it
  let loginPage
  for (const until = Date.now() + 60_000; ; await new Promise((r) => setTimeout(r, 300))) {
    loginPage = await page.evaluate(() => window.go.app.AuthService.LoginPage())
    if (!loginPage.preparing) break
    if (Date.now() > until) throw new Error('the demo bureau was still being prepared after 60 s')
  }
  const needs = loginPage.needsLogin
  if (!needs) return
  await page.evaluate(([l, p]) => window.go.app.AuthService.Login(l, p, false), [login, password])
  await page.reload()
  confirmSignatures(page, password)
}

/** Opens the app at a route signed in as 周明远 and waits until the header shows the bureau's name (the data has loaded). */
export async function openApp(page, route = '/dashboard') {
  await page.goto(`${BASE_URL}/#${route}`)
  await signInDesk(page)
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="header-bureau"]')
    return el && !el.textContent.includes('未设置单位名称')
  })
}

/** Picks an option of an Element Plus select by its visible text. */
export async function chooseOption(page, selectTestId, text) {
  // A click that lands while the dropdown is still opening can pick the neighbouring option: the choice is
  // checked on the select and made again if it did not take (a select that clears itself after use, such as a
  // template picker, is left as it is after the third try). A click that lands while the dropdown closes again
  // (a busy machine finishing the previous select's animation) finds no option: the select is opened afresh.
  for (let attempt = 1; ; attempt++) {
    await page.getByTestId(selectTestId).click()
    const item = page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: text }).first()
    try {
      await item.click({ timeout: 5000 })
    } catch (err) {
      if (attempt >= 3) throw err
      await page.keyboard.press('Escape')
      await page.locator('.el-select-dropdown:visible').first().waitFor({ state: 'hidden', timeout: 2000 }).catch(() => {})
      continue
    }
    const took = await page
      .waitForFunction(
        ([id, t]) => (document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '').includes(t),
        [selectTestId, text],
        { timeout: 1500 },
      )
      .then(() => true, () => false)
    if (took || attempt >= 3) return
  }
}

export const NOW = '2026-11-20T09:00:00'

/**
 * Starts the app on a fresh data directory and opens a browser page on it. The page collects
 * uncaught page errors in `errors` so tests can assert the UI ran cleanly.
 */
export async function session({ now = NOW } = {}) {
  const data = tempDir('pd-e2e-data-')
  let app
  let browser
  try {
    app = await startApp({ dataDir: data.dir, now })
    browser = await launchBrowser()
    const page = await browser.newPage()
    const errors = []
    // The dev server's injected Wails IPC script throws once in a plain browser (it expects the webview);
    // only errors from the app's own code count.
    page.on('pageerror', (e) => {
      const where = e.stack || e.message
      if (!/\/wails\/(ipc|runtime)\.js/.test(where)) errors.push(where)
    })
    return {
      page,
      errors,
      dataDir: data.dir,
      get app() {
        return app
      },
      /** Stops the app and starts it again on the same data directory. */
      async restart() {
        await app.stop()
        app = await startApp({ dataDir: data.dir, now })
      },
      async close() {
        await browser?.close()
        await app?.stop()
        data.cleanup()
      },
    }
  } catch (e) {
    await browser?.close()
    await app?.stop()
    data.cleanup()
    throw e
  }
}

/**
 * The text field of a form control. Element Plus puts a component's attributes on the native input
 * of some controls (ElInput) and on the wrapper of others, so both are looked for.
 */
export function field(page, testId) {
  const id = `[data-testid="${testId}"]`
  return page.locator(`input${id}, textarea${id}, ${id} input, ${id} textarea`).first()
}

/** Waits until the element with the test id has exactly the given text. */
export async function waitForText(page, testId, text) {
  await page.waitForFunction(
    ([id, want]) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() === want,
    [testId, text],
  )
}

/**
 * How long a page takes to render after a click, measured in the page: from the click event to the first
 * frame in which an element matches each of the CSS selectors. act performs the click.
 */
export async function timeRender(page, act, selectors) {
  await page.evaluate((sels) => {
    const r = { start: 0, end: 0 }
    window.__render = r
    document.addEventListener('click', () => (r.start = performance.now()), { capture: true, once: true })
    const poll = () => {
      if (r.start && sels.every((sel) => document.querySelector(sel))) r.end = performance.now()
      else requestAnimationFrame(poll)
    }
    requestAnimationFrame(poll)
  }, selectors)
  await act()
  await page.waitForFunction(() => window.__render.end > 0, null, { timeout: 15000 })
  return Math.round(await page.evaluate(() => window.__render.end - window.__render.start))
}

/** The CSS selector of an element by its test id. */
export const byTestId = (id) => `[data-testid="${id}"]`
