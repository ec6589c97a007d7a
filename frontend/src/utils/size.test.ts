import { describe, expect, it } from 'vitest'
import { formatSize } from './size'

describe('formatSize', () => {
  it('uses bytes, KB, MB and GB in steps of 1024', () => {
    expect(formatSize(0)).toBe('0 B')
    expect(formatSize(512)).toBe('512 B')
    expect(formatSize(1023)).toBe('1023 B')
    expect(formatSize(1024)).toBe('1.0 KB')
    expect(formatSize(20 * 1024 + 512)).toBe('20.5 KB')
    expect(formatSize(1024 * 1024 - 1)).toBe('1024.0 KB')
    expect(formatSize(1024 * 1024)).toBe('1.0 MB')
    expect(formatSize(3407872)).toBe('3.3 MB')
    expect(formatSize(5 * 1024 ** 3)).toBe('5.00 GB')
  })

  it('shows a dash for sizes that cannot be', () => {
    expect(formatSize(-1)).toBe('—')
    expect(formatSize(Number.NaN)).toBe('—')
  })
})
