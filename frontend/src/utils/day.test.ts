import { describe, expect, it } from 'vitest'
import { dayBadge, dayClasses, dayTitle } from './day'

describe('day labels', () => {
  it('gives each kind its badge', () => {
    expect(dayBadge({ kind: '工作日', name: '' })).toEqual({ text: '工作日', tone: 'green' })
    expect(dayBadge({ kind: '法定节假日', name: '春节' })).toEqual({ text: '法定节假日 · 春节', tone: 'red' })
    expect(dayBadge({ kind: '调休上班', name: '春节' })).toEqual({ text: '调休上班', tone: 'orange' })
    expect(dayBadge({ kind: '周末', name: '' })).toEqual({ text: '周末', tone: 'grey' })
  })

  it('describes a day on hover', () => {
    const d = { date: '2027-02-06', weekday: 6, kind: '调休上班', name: '春节', note: '', edited: false }
    expect(dayTitle(d)).toBe('2027-02-06 周六 · 调休上班(春节)')
    expect(dayTitle({ ...d, edited: true, note: '通知' })).toBe('2027-02-06 周六 · 调休上班(春节) · 已手工调整 · 备注：通知')
  })

  it('sets one class per property', () => {
    expect(dayClasses({ kind: '法定节假日', edited: true }, false)).toEqual({
      'is-holiday': true, 'is-makeup': false, 'is-weekend': false, 'is-edited': true, 'is-today': false,
    })
  })
})
