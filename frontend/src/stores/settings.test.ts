import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('../api/settings', () => ({
  getBureau: vi.fn(),
  saveBureau: vi.fn(),
  listSections: vi.fn(),
  saveSection: vi.fn(),
  deleteSection: vi.fn(),
  listPeople: vi.fn(),
  savePerson: vi.fn(),
  deletePerson: vi.fn(),
  listRoles: vi.fn(),
}))

import * as api from '../api/settings'
import { ApiError } from '../api/errors'
import { useSettingsStore } from './settings'

const bureau = { name: '临江市规划和自然资源局', shortName: '市规划资源局', address: '', phone: '', website: '', updatedAt: '', updatedBy: '' }
const sections = [
  { id: 1, name: '综合组', headId: 11, headName: '陈晓静', leaderId: 0, leaderName: '', phone: '', duties: '', sortOrder: 10, active: true, peopleCount: 2 },
  { id: 2, name: '旧科室', headId: 0, headName: '', leaderId: 0, leaderName: '', phone: '', duties: '', sortOrder: 20, active: false, peopleCount: 0 },
]
const people = [
  { id: 11, name: '陈晓静', sectionId: 1, sectionName: '综合组', title: '组长', role: 'approver', phone: '', email: '', active: true },
  { id: 12, name: '周明远', sectionId: 1, sectionName: '综合组', title: '', role: 'officer', phone: '', email: '', active: true },
  { id: 13, name: '退休人员', sectionId: 1, sectionName: '综合组', title: '', role: 'handler', phone: '', email: '', active: false },
]
const user = { personId: 12, name: '周明远', sectionId: 1, sectionName: '综合组', role: 'officer', title: '', set: true }
const roles = [
  { value: 'officer', label: '政务公开专员' },
  { value: 'approver', label: '审核审签人员' },
]

describe('settings store', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    setActivePinia(createPinia())
    vi.mocked(api.getBureau).mockResolvedValue(bureau)
    vi.mocked(api.listSections).mockResolvedValue(sections)
    vi.mocked(api.listPeople).mockResolvedValue(people)
    vi.mocked(api.listRoles).mockResolvedValue(roles)
  })

  it('loads the bureau, sections, people and roles; the person acting comes from the session', async () => {
    const s = useSettingsStore()
    expect(s.loaded).toBe(false)
    await s.load()
    expect(s.loaded).toBe(true)
    expect(s.bureau.name).toBe('临江市规划和自然资源局')
    expect(s.currentUser.set).toBe(false)
    const { set: _set, ...signed } = user
    s.setSignedIn(signed)
    expect(s.currentUser.name).toBe('周明远')
    expect(s.activePeople.map((p) => p.name)).toEqual(['陈晓静', '周明远'])
    expect(s.activeSections.map((x) => x.name)).toEqual(['综合组'])
    expect(s.peopleOf(1)).toHaveLength(3)
    expect(s.peopleOf(2)).toHaveLength(0)
  })

  it('labels roles from the Go list, with a built-in fallback', async () => {
    const s = useSettingsStore()
    expect(s.roleLabel('officer')).toBe('政务公开专员') // before load: the fallback
    await s.load()
    expect(s.roleLabel('approver')).toBe('审核审签人员')
    expect(s.roleLabel('mailbox')).toBe('信箱管理员')
    expect(s.roleLabel('unknown')).toBe('unknown')
  })

  it('fetches roles only once', async () => {
    const s = useSettingsStore()
    await s.load()
    await s.load()
    expect(api.listRoles).toHaveBeenCalledTimes(1)
    expect(api.getBureau).toHaveBeenCalledTimes(2)
  })

  it('reloads the lists after saving a section, since names and counts are derived', async () => {
    const s = useSettingsStore()
    await s.load()
    const added = { id: 3, name: '信息中心', headId: 0, headName: '', leaderId: 0, leaderName: '', phone: '', duties: '', sortOrder: 30, active: true, peopleCount: 0 }
    vi.mocked(api.saveSection).mockResolvedValue(added)
    vi.mocked(api.listSections).mockResolvedValue([...sections, added])
    await s.saveSection({ ...added, id: 0 })
    expect(api.saveSection).toHaveBeenCalledWith({ ...added, id: 0 })
    expect(s.sections.map((x) => x.name)).toContain('信息中心')
    expect(api.listPeople).toHaveBeenCalledTimes(2)
  })

  it('follows the signed-in person: signing out leaves nobody, a change of section shows at once', async () => {
    const s = useSettingsStore()
    await s.load()
    const { set: _set, ...signed } = user
    s.setSignedIn(signed)
    vi.mocked(api.listPeople).mockResolvedValue(people.map((p) => (p.id === 12 ? { ...p, title: '副组长' } : p)))
    vi.mocked(api.savePerson).mockResolvedValue({ ...people[1], title: '副组长' })
    await s.savePerson({ ...people[1], title: '副组长' })
    expect(s.currentUser.title).toBe('副组长')
    s.setSignedIn(null)
    expect([s.currentUser.set, s.currentUser.name]).toEqual([false, ''])
  })

  it('keeps its state when a save fails', async () => {
    const s = useSettingsStore()
    await s.load()
    vi.mocked(api.saveBureau).mockRejectedValue(new ApiError('invalid', '单位全称不能为空', 'name'))
    await expect(s.saveBureau({ ...bureau, name: '' })).rejects.toMatchObject({ code: 'invalid', field: 'name' })
    expect(s.bureau.name).toBe('临江市规划和自然资源局')

    vi.mocked(api.deleteSection).mockRejectedValue(new ApiError('forbidden', '科室下还有人员，不能删除'))
    await expect(s.deleteSection(1)).rejects.toBeInstanceOf(ApiError)
    expect(s.sections).toHaveLength(2)
  })
})
