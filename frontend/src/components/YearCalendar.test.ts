import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import YearCalendar from './YearCalendar.vue'
import type { CalendarDay } from '../api/types'
import { formatDate } from '../utils/date'

// A year as the Go side reports it: Monday–Friday work, plus the given exceptions.
function year2027(overrides: Record<string, Partial<CalendarDay>>): CalendarDay[] {
  const days: CalendarDay[] = []
  for (let t = Date.UTC(2027, 0, 1); new Date(t).getUTCFullYear() === 2027; t += 86400000) {
    const d = new Date(t)
    const date = formatDate(2027, d.getUTCMonth() + 1, d.getUTCDate())
    const weekday = d.getUTCDay()
    const weekend = weekday === 0 || weekday === 6
    days.push({
      date, weekday, workday: !weekend, kind: weekend ? '周末' : '工作日', name: '', note: '', edited: false,
      ...overrides[date],
    })
  }
  return days
}

describe('YearCalendar', () => {
  const days = year2027({
    '2027-01-01': { kind: '法定节假日', name: '元旦', workday: false },
    '2027-02-06': { kind: '调休上班', name: '春节', workday: true },
    '2027-02-08': { kind: '法定节假日', name: '春节', workday: false },
    '2027-03-10': { kind: '法定节假日', name: '临时休息', workday: false, edited: true, note: '停电' },
  })
  const wrapper = mount(YearCalendar, { props: { year: 2027, days, today: '2027-03-09' } })
  const cell = (date: string) => wrapper.get(`[data-testid="cal-day-${date}"]`)

  it('draws twelve Monday-first months with every day', () => {
    expect(wrapper.findAll('[data-testid^="cal-month-"]')).toHaveLength(12)
    expect(wrapper.findAll('[data-testid^="cal-day-"]')).toHaveLength(365)
    // 1 January 2027 is a Friday: the fifth column of the first row.
    const firstRow = wrapper.get('[data-testid="cal-month-1"] tbody tr').findAll('td')
    expect(firstRow[4].find('[data-testid="cal-day-2027-01-01"]').exists()).toBe(true)
    expect(firstRow[3].text()).toBe('')
    expect(wrapper.get('[data-testid="cal-month-1"] thead').text()).toBe('一二三四五六日')
  })

  it('marks holidays with their name on hover', () => {
    expect(cell('2027-01-01').classes()).toContain('is-holiday')
    expect(cell('2027-01-01').attributes('title')).toContain('元旦')
    expect(cell('2027-02-08').attributes('data-kind')).toBe('法定节假日')
  })

  it('marks 调休上班 days with 班 and weekends in grey', () => {
    expect(cell('2027-02-06').classes()).toContain('is-makeup')
    expect(cell('2027-02-06').text()).toContain('班')
    expect(cell('2027-02-07').classes()).toContain('is-weekend')
    expect(cell('2027-02-07').text()).not.toContain('班')
  })

  it('marks edited days and today', () => {
    expect(cell('2027-03-10').classes()).toContain('is-edited')
    expect(cell('2027-03-10').find('.year__dot').exists()).toBe(true)
    expect(cell('2027-03-10').attributes('title')).toContain('备注：停电')
    expect(cell('2027-03-11').find('.year__dot').exists()).toBe(false)
    expect(cell('2027-03-09').classes()).toContain('is-today')
    expect(wrapper.findAll('.is-today')).toHaveLength(1)
  })

  it('reports the clicked day', async () => {
    await cell('2027-02-06').trigger('click')
    expect(wrapper.emitted('select')?.[0]?.[0]).toMatchObject({ date: '2027-02-06', kind: '调休上班' })
  })
})
