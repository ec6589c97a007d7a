// Signing in and out in the end-to-end tests: "switching user" is 退出登录 and signing in as that person.
import assert from 'node:assert/strict'
import { field, waitForText } from './harness.mjs'

const passwords = new WeakMap()

/**
 * Signatures (审签, 发布, account changes) ask for the password again (电子签名确认). Tests that are about
 * something else sign with the password of whoever signed in on that page: a watcher fills the dialog when it
 * shows. (15-team.test.mjs checks the dialog itself and does not use this.)
 */
export function confirmSignatures(page, password) {
  const had = passwords.has(page)
  passwords.set(page, password)
  if (had) return
  let busy = false
  const timer = setInterval(async () => {
    if (busy || page.isClosed()) return
    busy = true
    try {
      if (await page.getByTestId('confirm-password').isVisible()) {
        await field(page, 'confirm-password').fill(passwords.get(page))
        await page.getByTestId('confirm-submit').click({ timeout: 2000 })
      }
    } catch {
      // the dialog closed meanwhile
    } finally {
      busy = false
    }
  }, 200)
  timer.unref()
  page.once('close', () => clearInterval(timer))
}

const current = (page) => page.evaluate(() => document.querySelector('[data-testid="current-user-name"]')?.textContent?.trim() ?? '')

/** Signs out from the header's user menu and waits for the 登录 page. */
export async function signOut(page) {
  await page.getByTestId('user-menu').click()
  await page.getByTestId('user-menu-logout').click()
  await page.locator('.el-message-box__btns .el-button--primary').click()
  await page.getByTestId('login-form').waitFor()
}

/** Signs in on the 登录 page with a login and password and waits until the header names the person. */
export async function signIn(page, login, password, name) {
  await page.getByTestId('login-form').waitFor()
  await field(page, 'login-name').fill(login)
  await field(page, 'login-password').fill(password)
  await page.getByTestId('login-submit').click()
  if (name) await waitForText(page, 'current-user-name', name)
  confirmSignatures(page, password)
}

/**
 * Works as the named person of the demo bureau: signs out whoever is signed in and signs in with that person's
 * demo account, taken from the 登录 page's list (shown only in demo data).
 */
export async function signInAs(page, name) {
  if ((await current(page)) === name) return
  if (await page.getByTestId('user-menu').isVisible()) await signOut(page)
  await page.getByTestId('login-form').waitFor()
  const row = page.locator('[data-testid^="login-demo-"]', { hasText: name }).first()
  await row.click()
  const password = await field(page, 'login-password').inputValue()
  await page.getByTestId('login-submit').click()
  await waitForText(page, 'current-user-name', name)
  confirmSignatures(page, password)
}

/**
 * Agrees at every step of the sign-off round shown on the page (at least the default three), each step as the
 * signer it names: 三审 means three people, and nobody signs two steps of one round. The last step is the
 * 保密审查. Returns how many steps there were; the signed-in person is the last signer.
 */
export async function signEveryStep(page) {
  const steps = page.locator('[data-testid^="signoff-step-view-"]')
  await steps.first().waitFor()
  const n = await steps.count()
  assert.ok(n >= 3, `expected the default three steps, saw ${n}`)
  for (let i = 0; i < n; i++) {
    const pending = await page.getByTestId(`signoff-step-view-${i}`).innerText()
    const signer = /待审签 · (\S+)/.exec(pending)?.[1]
    assert.ok(signer, `step ${i} names no signer: ${pending}`)
    await signInAs(page, signer)
    await field(page, 'signoff-opinion').fill(i === n - 1 ? '经保密审查，不涉及国家秘密。' : '同意。')
    await page.getByTestId('signoff-approve').click()
    await page.locator(`[data-testid="signoff-step-view-${i}"] .is-success`).first().waitFor()
  }
  await page.getByTestId('signoff-complete').waitFor()
  return n
}
