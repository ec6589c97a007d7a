import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import MonthCalendar from './MonthCalendar.vue'
import type { MonthDay, MonthView } from '../api/types'
import { formatDate } from '../utils/date'

// October 2026 as DashboardService.MonthView lays it out: weeks from Monday 28 September.
function october(): MonthView {
  const special: Record<string, Partial<MonthDay>> = {
    '2026-10-01': { kind: '法定节假日', name: '国庆节、中秋节', workday: false },
    '2026-10-02': { kind: '法定节假日', name: '国庆节、中秋节', workday: false },
    '2026-10-10': { kind: '调休上班', name: '国庆节、中秋节', workday: true },
    '2026-10-20': { deadlines: 2, today: true },
  }
  const weeks: MonthDay[][] = []
  for (let t = Date.UTC(2026, 8, 28), i = 0; i < 35; i++, t += 86400000) {
    const d = new Date(t)
    const date = formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
    const weekday = d.getUTCDay()
    const weekend = weekday === 0 || weekday === 6
    if (i % 7 === 0) weeks.push([])
    weeks[weeks.length - 1].push({
      date, weekday, workday: !weekend, kind: weekend ? '周末' : '工作日', name: '', note: '', edited: false,
      inMonth: d.getUTCMonth() === 9, today: false, deadlines: 0, ...special[date],
    })
  }
  return { year: 2026, month: 10, weeks }
}

// The stub button forwards the click listener as a native one (attribute fallthrough).
const stubs = { 'el-button': { template: '<button><slot /></button>' }, 'el-skeleton': true }

describe('MonthCalendar', () => {
  const wrapper = mount(MonthCalendar, { props: { view: october() }, global: { stubs } })
  const cell = (date: string) => wrapper.get(`[data-testid="month-day-${date}"]`)

  it('shows the month Monday first', () => {
    expect(wrapper.get('[data-testid="month-label"]').text()).toBe('2026年10月')
    expect(wrapper.get('thead').text()).toBe('一二三四五六日')
    expect(wrapper.findAll('tbody tr')).toHaveLength(5)
    expect(wrapper.findAll('tbody tr')[0].findAll('td')[0].attributes('data-testid')).toBe('month-day-2026-09-28')
    expect(cell('2026-09-28').classes()).toContain('is-outside')
  })

  it('tints holidays and shows their name', () => {
    expect(cell('2026-10-01').classes()).toContain('is-holiday')
    expect(cell('2026-10-01').text()).toContain('国庆节、中秋节')
    expect(cell('2026-10-01').text()).toContain('休')
  })

  it('marks 调休上班 days with 班', () => {
    expect(cell('2026-10-10').classes()).toContain('is-makeup')
    expect(cell('2026-10-10').text()).toContain('班')
    expect(cell('2026-10-11').classes()).toContain('is-weekend')
    expect(cell('2026-10-11').text()).not.toContain('班')
  })

  it('outlines today and counts its deadlines', () => {
    expect(cell('2026-10-20').classes()).toContain('is-today')
    expect(cell('2026-10-20').text()).toContain('2项到期')
    expect(wrapper.findAll('.is-today')).toHaveLength(1)
  })

  it('asks for the previous and next month', async () => {
    await wrapper.get('[data-testid="month-prev"]').trigger('click')
    await wrapper.get('[data-testid="month-next"]').trigger('click')
    expect(wrapper.emitted('prev')).toHaveLength(1)
    expect(wrapper.emitted('next')).toHaveLength(1)
  })
})
