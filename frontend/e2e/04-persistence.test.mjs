import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, chooseOption, field, openApp, session, shot } from './harness.mjs'
import { signIn, signOut } from './signin.mjs'

const NEW_NAME = '临江市规划和自然资源局（试运行）'

test('settings survive a restart of the app', async () => {
  const s = await session()
  try {
    const { page } = s
    await openApp(page, '/settings/bureau')

    // The bureau's name: validation first, then a real save.
    const name = field(page, 'bureau-name-input')
    await name.fill('')
    await page.getByTestId('bureau-save').click()
    await page.getByText('请填写单位全称').waitFor()
    await name.fill(NEW_NAME)
    await page.getByTestId('bureau-save').click()
    await page.getByText('单位信息已保存').waitFor()
    await page.getByTestId('header-bureau').getByText(NEW_NAME).waitFor()

    // The bureau's own time limit for the 意见采纳情况说明 (not set by the 条例).
    const due = page.getByTestId('report-due-workdays').locator('input')
    assert.equal(await due.inputValue(), '10')
    await due.fill('12')
    await page.getByTestId('report-due-save').click()
    await page.getByText('工作时限已保存').waitFor()
    await shot(page, 'd-bureau-deadlines', { fullPage: false })

    // A new section.
    await page.getByTestId('settings-tab-sections').click()
    await page.getByTestId('section-add').click()
    await page.getByTestId('section-dialog').waitFor()
    await field(page, 'section-name-input').fill('信息中心')
    await field(page, 'section-phone-input').fill('0571-8801 2380')
    await field(page, 'section-duties-input').fill('政务网站和信息系统运行维护')
    await page.getByTestId('section-save').click()
    await page.getByTestId('section-dialog').waitFor({ state: 'hidden' })
    await page.getByTestId('sections-table').getByText('信息中心').waitFor()

    // A new person in it.
    await page.getByTestId('settings-tab-people').click()
    await page.getByTestId('person-add').click()
    await page.getByTestId('person-dialog').waitFor()
    await field(page, 'person-name-input').fill('钱晓峰')
    await chooseOption(page, 'person-section-select', '信息中心')
    await field(page, 'person-title-input').fill('工程师')
    await chooseOption(page, 'person-role-select', '系统管理员')
    await field(page, 'person-email-input').fill('qianxf@linjiang.gov.cn')
    await page.getByTestId('person-save').click()
    await page.getByTestId('person-dialog').waitFor({ state: 'hidden' })
    await page.getByTestId('people-table').getByText('钱晓峰').waitFor()

    // An administrator gives the new person a login; working as them means signing out and signing in as them,
    // and the initial password must be changed at once.
    const row = () => page.getByTestId('people-table').locator('tr', { hasText: '钱晓峰' })
    await row().getByRole('button', { name: '账号' }).click()
    await page.getByTestId('account-dialog').waitFor()
    await field(page, 'account-login').fill('qianxf')
    await field(page, 'account-password').fill('Chushi-2026')
    await page.getByTestId('account-create').click()
    await page.getByTestId('account-login-shown').waitFor()
    await page.locator('.el-dialog__headerbtn:visible').first().click()
    await page.getByTestId('account-dialog').waitFor({ state: 'hidden' })
    await signOut(page)
    await signIn(page, 'qianxf', 'Chushi-2026')
    await page.getByTestId('forced-password').waitFor()
    await field(page, 'password-old').fill('Chushi-2026')
    await field(page, 'password-new').fill('Xinmima-2026')
    await field(page, 'password-repeat').fill('Xinmima-2026')
    await page.getByTestId('password-submit').click()
    await page.waitForFunction(() => document.querySelector('[data-testid="current-user-name"]')?.textContent === '钱晓峰')

    await s.restart()
    // A real reload: leave the page first, since changing only the hash would keep the old document.
    // The desk's session does not outlive the app: 钱晓峰 signs in again, with the new password.
    await page.goto('about:blank')
    await page.goto(`${BASE_URL}/#/settings/sections`)
    await signIn(page, 'qianxf', 'Xinmima-2026', '钱晓峰')
    await page.getByTestId('header-bureau').getByText(NEW_NAME).waitFor()
    await page.getByTestId('sections-table').getByText('信息中心').waitFor()
    assert.equal(await page.getByTestId('current-user-name').innerText(), '钱晓峰')
    await page.getByTestId('settings-tab-people').click()
    await row().waitFor()
    assert.match(await row().innerText(), /信息中心/)
    assert.match(await row().innerText(), /系统管理员/)
    assert.match(await row().innerText(), /qianxf/)
    await shot(page, 'd-after-restart')
    await openApp(page, '/settings/bureau')
    assert.equal(await field(page, 'bureau-name-input').inputValue(), NEW_NAME)
    await page.waitForFunction(() => document.querySelector('[data-testid="report-due-workdays"] input')?.value === '12')
    assert.deepEqual(s.errors, [])
  } finally {
    await s.close()
  }
})
