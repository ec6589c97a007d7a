import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { chooseOption, field, openApp, session, shot } from './harness.mjs'

const USER_WORD = '城市更新行动'
const NEW_KEYWORD = '测绘成果'

/** The repository root: the nearest directory above the working directory that holds go.mod. */
function repoRoot() {
  for (let dir = resolve(process.cwd()); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'go.mod'))) return dir
    if (dirname(dir) === dir) return null
  }
}

/** The public labeled mailbox history: $POLICYDESK_CORPUS or <repo root>/../shared/corpus. */
function trainingFile() {
  const root = repoRoot()
  const corpus = process.env.POLICYDESK_CORPUS || (root ? join(root, '..', 'shared', 'corpus') : '')
  const file = corpus ? join(corpus, 'mailbox', 'train.csv') : ''
  return file && existsSync(file) ? file : null
}

const TRAIN_CSV = trainingFile()

let s
before(async () => {
  s = await session()
})
after(async () => {
  await s?.close()
})

test('设置 → 主题与分办: a user word is added, a topic’s keywords are edited', async () => {
  const { page } = s
  await openApp(page, '/settings/bureau')
  await page.getByTestId('settings-tab-topics').click()
  await page.waitForURL('**/#/settings/topics')
  const table = page.getByTestId('topics-table')
  await table.locator('tbody tr').first().waitFor()
  await shot(page, 'i-topics-list')

  // 自定义词典: built-in words are listed and cannot be deleted; a user word is added and found.
  await page.getByTestId('topics-tab-dictionary').click()
  const words = page.getByTestId('words-table')
  await words.locator('tbody tr').first().waitFor()
  assert.match(await words.innerText(), /内置/)
  await page.getByTestId('word-add').click()
  await page.getByTestId('word-dialog').waitFor()
  await field(page, 'word-input').fill(USER_WORD)
  await chooseOption(page, 'word-tag-select', '专有名词')
  await page.getByTestId('word-save').click()
  await page.getByTestId('word-dialog').waitFor({ state: 'hidden' })
  await page.getByTestId(`word-delete-${USER_WORD}`).waitFor()
  const row = words.locator('tbody tr', { hasText: USER_WORD })
  assert.match(await row.innerText(), /专有名词/)
  assert.doesNotMatch(await row.innerText(), /\bnz\b/)
  assert.match(await row.innerText(), /自定义/)
  await shot(page, 'i-topics-dictionary')

  // 主题: a keyword with weight 2 and an example message are added to the first topic; its row shows them.
  await page.getByTestId('topics-tab-topics').click()
  const first = table.locator('tbody tr').first()
  const name = (await first.locator('td').first().innerText()).trim()
  await first.getByRole('button', { name: '编辑' }).click()
  await page.getByTestId('topic-dialog').waitFor()
  const rows = page.getByTestId('topic-keyword-row')
  const before = await rows.count()
  await field(page, 'topic-keyword-new').fill(NEW_KEYWORD)
  await field(page, 'topic-keyword-new').press('Enter')
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="topic-keyword-row"]').length === n, before + 1)
  const added = rows.last()
  assert.equal(await added.locator('input').first().inputValue(), NEW_KEYWORD)
  const weight = added.locator('[data-testid="topic-keyword-weight"] input')
  await weight.fill('2')
  await weight.press('Tab')
  await page.getByTestId('topic-example-add').click()
  await field(page, 'topic-example-0').fill('二手房过户要先办不动产登记吗？需要带哪些材料？')
  await shot(page, 'i-topics-edit', { fullPage: false })
  await page.getByTestId('topic-save').click()
  await page.getByTestId('topic-dialog').waitFor({ state: 'hidden' })
  const edited = table.locator('tbody tr', { hasText: name }).first()
  await edited.getByText(`${NEW_KEYWORD}×2`).waitFor()
  assert.equal((await edited.locator('td').nth(3).innerText()).trim(), '1') // one example message

  // The old 信箱设置 tab points here.
  await openApp(page, '/mailbox/settings')
  await page.getByTestId('mailbox-settings').getByRole('tab', { name: '主题' }).click()
  await page.getByTestId('topics-moved-link').click()
  await page.waitForURL('**/#/settings/topics')
  assert.deepEqual(s.errors, [])
})

test(
  '设置 → 主题与分办: labeled history is imported with new topics, trained and cross-validated',
  { skip: TRAIN_CSV ? false : 'the public corpus (../shared/corpus/mailbox/train.csv or $POLICYDESK_CORPUS) is absent' },
  async () => {
    const { page } = s
    await openApp(page, '/settings/topics?tab=train')
    await page.getByTestId('model-info').waitFor()

    // Preview: 7 labels, none with a topic yet; importing creates them.
    await page.getByTestId('examples-file').setInputFiles(TRAIN_CSV)
    await page.getByTestId('examples-preview').waitFor({ timeout: 60_000 })
    assert.match(await page.getByTestId('examples-counts').innerText(), /^共5,391行，重复\d+行，新增[\d,]+行$/)
    const labels = page.getByTestId('examples-labels')
    assert.equal(await labels.locator('tbody tr').count(), 7)
    assert.match(await labels.innerText(), /城乡建设/)
    const fileLabels = (await labels.locator('tbody tr td:first-child').allInnerTexts()).map((t) => t.trim())
    assert.equal(await page.getByTestId('examples-unknown').count(), 7)
    const create = page.getByTestId('examples-create-topics')
    await create.click() // off: an import would fail on the unknown labels
    assert.equal(await page.getByTestId('examples-apply').isDisabled(), true)
    await create.click()
    assert.equal(await page.getByTestId('examples-apply').isDisabled(), false)
    await shot(page, 'i-topics-import-preview')
    await page.getByTestId('examples-apply').click()
    const result = page.getByTestId('examples-result')
    await result.waitFor({ timeout: 60_000 })
    const added = Number(/已导入([\d,]+)条/.exec(await result.innerText())[1].replaceAll(',', ''))
    assert.ok(added > 5000, `${added} rows imported`)
    assert.match(await result.innerText(), /新建主题：.*劳动和社会保障/)
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="history-total"]')?.textContent?.replaceAll(',', '')) >= n,
      added,
    )
    await page.getByTestId('history-by-topic').getByText('教育文体').waitFor()

    // Training: the bar shows while it runs, ends at 100%, and the model in use learned from the import.
    await page.evaluate(() => {
      const seen = () => document.querySelector('[data-testid="train-progress"]')
      new MutationObserver((_, obs) => {
        if (seen()) {
          window.sawTrainProgress = true
          obs.disconnect()
        }
      }).observe(document.body, { childList: true, subtree: true })
    })
    await page.getByTestId('train-start').click()
    await page.waitForFunction(
      (n) => {
        const m = /用 ([\d,]+) 条样本训练/.exec(document.querySelector('[data-testid="model-info"]')?.textContent ?? '')
        return m && Number(m[1].replaceAll(',', '')) >= n
      },
      added,
      { timeout: 180_000 },
    )
    assert.equal(await page.evaluate(() => window.sawTrainProgress), true, 'the progress bar was shown')
    await page.getByTestId('train-ended').waitFor()
    assert.match(await page.getByTestId('train-ended').innerText(), /训练完成/)
    assert.equal(await page.getByTestId('train-ended').locator('.el-progress').getAttribute('aria-valuenow'), '100')
    assert.match(await page.getByTestId('model-info').innerText(), /已训练[\s\S]*用 [\d,]+ 条样本训练，\d+ 个主题/)
    await shot(page, 'i-topics-trained')

    // The new topics show their history counts.
    await page.getByTestId('topics-tab-topics').click()
    const row = page.getByTestId('topics-table').locator('tbody tr', { hasText: '劳动和社会保障' })
    const history = Number((await row.locator('[data-testid^="topic-history-"]').innerText()).replaceAll(',', ''))
    assert.ok(history > 1000, `劳动和社会保障 has ${history} history examples`)

    // 5-fold cross-validation: the scores, the per-topic table, the heatmap drawn.
    await page.getByTestId('topics-tab-evaluate').click()
    await page.getByTestId('eval-empty').waitFor()
    await chooseOption(page, 'eval-folds', '分5份')
    await page.getByTestId('eval-start').click()
    await page.getByTestId('eval-progress').waitFor()
    assert.match(await page.getByTestId('eval-stage').innerText(), /正在评估/)
    await page.getByTestId('eval-ended').waitFor({ timeout: 300_000 })
    await page.getByTestId('eval-result').waitFor()
    await page.getByTestId('confusion-heatmap').scrollIntoViewIfNeeded()
    await shot(page, 'i-topics-evaluation')
    // The headline macro-F1 counts the topics with enough history (at least 20 messages): the file's seven and the
    // demo's seven, whose history (30 and more each) was imported when the demo bureau set its mailbox up. Each of
    // the file's topics is cross-checked, and they route as well as before; the demo's are all evaluated.
    const headline = Number((await page.getByTestId('eval-macro-f1').innerText()).replace('%', ''))
    const f1 = new Map()
    const support = new Map()
    for (const tr of await page.getByTestId('eval-topics').locator('tbody tr').all()) {
      const cells = (await tr.locator('td').allInnerTexts()).map((t) => t.trim())
      f1.set(cells[0], Number(cells[3].replace('%', '')))
      support.set(cells[0], Number(cells[4].replaceAll(',', '')))
    }
    const fileF1 = fileLabels.map((l) => f1.get(l))
    assert.ok(fileF1.every((v) => v > 70), `every topic of the file is evaluated: ${JSON.stringify([...f1])}`)
    const fileMacro = fileF1.reduce((a, b) => a + b, 0) / fileF1.length
    assert.ok(fileMacro > 85, `macro-F1 of the file's topics ${fileMacro.toFixed(2)}%`)
    const demoTopics = [...f1.keys()].filter((l) => !fileLabels.includes(l))
    assert.equal(demoTopics.length, 7, `the demo's topics: ${JSON.stringify(demoTopics)}`)
    for (const l of demoTopics) {
      assert.ok(support.get(l) >= 30 && f1.get(l) > 40, `demo topic ${l}: F1 ${f1.get(l)}% over ${support.get(l)} messages`)
    }
    const all = [...f1.values()]
    const macro = all.reduce((a, b) => a + b, 0) / all.length
    assert.ok(Math.abs(macro - headline) < 0.2, `headline ${headline}% is the mean over every topic (${macro.toFixed(2)}%)`)
    assert.ok(headline > 75, `macro-F1 ${headline}%`)
    assert.match(await page.getByTestId('eval-accuracy').innerText(), /^\d{1,3}\.\d%$/)
    assert.equal(await page.getByTestId('eval-folds-f1').locator('.el-tag').count(), 5)
    assert.equal(await page.getByTestId('eval-few').count(), 0) // every topic has enough history to be scored
    assert.ok((await page.getByTestId('eval-topics').locator('tbody tr').count()) >= 7)
    // ECharts draws on several layered canvases; the cells' blue is looked for in all of them.
    const painted = await page.evaluate(() => {
      let coloured = 0
      let area = 0
      for (const c of document.querySelectorAll('[data-testid="confusion-heatmap"] canvas')) {
        if (!c.width || !c.height) continue
        const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height)
        for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && data[i + 2] - data[i] > 60) coloured++
        area = Math.max(area, c.width * c.height)
      }
      return area ? coloured / area : 0
    })
    assert.ok(painted > 0.05, `the heatmap has ${(painted * 100).toFixed(1)}% blue pixels`)
    assert.deepEqual(s.errors, [])
  },
)
