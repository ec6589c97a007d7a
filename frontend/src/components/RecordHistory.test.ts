import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('../api/system', () => ({ auditLog: vi.fn() }))

import { auditLog } from '../api/system'
import { ApiError } from '../api/errors'
import type { AuditEntry } from '../api/types'
import { useSettingsStore } from '../stores/settings'
import RecordHistory from './RecordHistory.vue'

function entry(e: Partial<AuditEntry>): AuditEntry {
  return {
    id: 1, at: '2026-11-20T09:00:00+08:00', personId: 12, personName: '周明远', action: 'update', entity: 'section',
    entityId: '3', summary: '', changes: '{}', prevHash: '', hash: '', clientAddr: '', clientKind: '', ...e,
  }
}

const newest = entry({
  id: 9, at: '2026-11-20T10:15:30+08:00', summary: '修改科室 综合科',
  changes: '{"head_id":[0,11],"name":["综合组","综合科"]}',
})
const oldest = entry({
  id: 4, at: '2026-11-19T08:00:00+08:00', personName: '陈晓静', action: 'create', summary: '新建科室 <b>综合组</b>',
  changes: '{"name":[null,"<img src=x onerror=\\"window.__xss=1\\">"]}',
})

function mountHistory(props: { entity: string; entityId: string | number; limit?: number }) {
  return mount(RecordHistory, { props, global: { directives: { loading: {} } } })
}

describe('RecordHistory', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    setActivePinia(createPinia())
    useSettingsStore().people = [
      { id: 11, name: '陈晓静', sectionId: 3, sectionName: '综合科', title: '', role: 'approver', phone: '', email: '', active: true },
    ]
  })

  it("asks for the record's entries and lists them newest first, with who, when and what changed", async () => {
    vi.mocked(auditLog).mockResolvedValue({ total: 2, entries: [newest, oldest] })
    const w = mountHistory({ entity: 'section', entityId: 3 })
    await flushPromises()

    expect(auditLog).toHaveBeenCalledWith({ personName: '', entity: 'section', entityId: '3', from: '', to: '', limit: 50, offset: 0 })
    const items = w.findAll('[data-testid="record-history-item"]')
    expect(items).toHaveLength(2)
    expect(items[0].text()).toContain('修改')
    expect(items[0].text()).toContain('周明远')
    expect(items[0].text()).toContain('2026-11-20 10:15:30')
    const cells = items[0].findAll('tbody tr').map((tr) => tr.findAll('td').map((td) => td.text()))
    expect(cells).toEqual([
      ['负责人', '—', '→', '陈晓静'],
      ['科室名称', '综合组', '→', '综合科'],
    ])
    expect(items[1].text()).toContain('新建')
    expect(items[1].text()).toContain('陈晓静')
    expect(w.text()).not.toContain('仅显示最近')
  })

  it('shows markup in entries as text', async () => {
    vi.mocked(auditLog).mockResolvedValue({ total: 1, entries: [oldest] })
    const w = mountHistory({ entity: 'section', entityId: 3 })
    await flushPromises()
    expect(w.find('img').exists()).toBe(false)
    expect(w.find('b').exists()).toBe(false)
    expect(w.text()).toContain('新建科室 <b>综合组</b>')
    expect(w.text()).toContain('<img src=x onerror="window.__xss=1">')
  })

  it('says when there is nothing yet, and fetches nothing for an unsaved record', async () => {
    vi.mocked(auditLog).mockResolvedValue({ total: 0, entries: [] })
    const w = mountHistory({ entity: 'person', entityId: 7 })
    await flushPromises()
    expect(w.text()).toContain('暂无修改记录')

    const unsaved = mountHistory({ entity: 'person', entityId: 0 })
    await flushPromises()
    expect(auditLog).toHaveBeenCalledTimes(1)
    expect(unsaved.text()).toContain('暂无修改记录')
  })

  it('points to the audit log when there are more entries than it shows', async () => {
    vi.mocked(auditLog).mockResolvedValue({ total: 120, entries: [newest] })
    const w = mountHistory({ entity: 'section', entityId: 3, limit: 1 })
    await flushPromises()
    expect(vi.mocked(auditLog).mock.calls[0][0].limit).toBe(1)
    expect(w.text()).toContain('共120条，仅显示最近1条')
  })

  it('fetches again when it is shown for another record', async () => {
    vi.mocked(auditLog).mockResolvedValue({ total: 0, entries: [] })
    const w = mountHistory({ entity: 'section', entityId: 3 })
    await flushPromises()
    await w.setProps({ entityId: 5 })
    await flushPromises()
    expect(vi.mocked(auditLog).mock.calls.map((c) => c[0].entityId)).toEqual(['3', '5'])
  })

  it('shows the error of a failed call', async () => {
    vi.mocked(auditLog).mockRejectedValue(new ApiError('internal', '无法读取审计记录'))
    const w = mountHistory({ entity: 'section', entityId: 3 })
    await flushPromises()
    expect(w.get('[role="alert"]').text()).toBe('无法读取审计记录')
  })
})
