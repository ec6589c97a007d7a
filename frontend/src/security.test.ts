// Text from outside (names, comments, messages, imported documents) must reach the screen as text. Vue's
// {{ }} escapes; these are the ways around it, and none of them may appear in the app's own code.
import { describe, expect, it } from 'vitest'

const files = import.meta.glob(['./**/*.{vue,ts}', '!./**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>

const forbidden: [string, RegExp][] = [
  ['v-html', /\bv-html\b/],
  ['innerHTML / outerHTML', /\b(inner|outer)HTML\b/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['document.write', /\bdocument\.write/],
  ['Element Plus HTML messages', /dangerouslyUseHTMLString/],
  ['raw tooltip content', /raw-?content/i],
  ['createContextualFragment', /createContextualFragment/],
]

describe('no HTML rendering of data', () => {
  it('reads the sources', () => {
    const names = Object.keys(files)
    expect(names.length).toBeGreaterThan(20)
    expect(names).toContain('./components/RecordHistory.vue')
    expect(names.some((n) => n.includes('wailsjs'))).toBe(false)
  })

  it.each(forbidden)('uses no %s', (_name, pattern) => {
    const hits = Object.entries(files).filter(([, text]) => pattern.test(text)).map(([name]) => name)
    expect(hits).toEqual([])
  })
})
