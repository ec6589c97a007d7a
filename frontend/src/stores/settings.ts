// The bureau, its sections and people, and the signed-in person: read by the header and every form.
// The person acting is the session's (stores/session.ts hands it over); nobody picks a name any more.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as api from '../api/settings'
import type { Bureau, CurrentUser, Option, Person, Section } from '../api/types'
import { roleLabels } from '../i18n/zh-CN'

const emptyBureau = (): Bureau => ({ name: '', shortName: '', address: '', phone: '', website: '', updatedAt: '', updatedBy: '' })
const noUser = (): CurrentUser => ({ personId: 0, name: '', sectionId: 0, sectionName: '', role: '', title: '', set: false })

export const useSettingsStore = defineStore('settings', () => {
  const bureau = ref<Bureau>(emptyBureau())
  const sections = ref<Section[]>([])
  const people = ref<Person[]>([])
  const currentUser = ref<CurrentUser>(noUser())
  const roles = ref<Option[]>([])
  const loaded = ref(false)
  /** set once a session is known: the acting person is then the signed-in one, never a stored setting */
  const signedIn = ref(false)

  const activePeople = computed(() => people.value.filter((p) => p.active))
  const activeSections = computed(() => sections.value.filter((s) => s.active))

  function roleLabel(role: string): string {
    return roles.value.find((r) => r.value === role)?.label ?? roleLabels[role] ?? role
  }

  function peopleOf(sectionId: number): Person[] {
    return people.value.filter((p) => p.sectionId === sectionId)
  }

  /** Reloads everything; called at start and whenever the Go side reports a change. */
  async function load(): Promise<void> {
    const [b, s, p, r] = await Promise.all([
      api.getBureau(),
      api.listSections(),
      api.listPeople(),
      roles.value.length ? Promise.resolve(roles.value) : api.listRoles(),
    ])
    bureau.value = b
    sections.value = s
    people.value = p
    roles.value = r
    loaded.value = true
  }

  async function saveBureau(b: Bureau): Promise<Bureau> {
    const saved = await api.saveBureau(b)
    bureau.value = saved
    return saved
  }

  // Sections and people carry derived fields (负责人姓名, 人数, 科室名称), so a change reloads both lists.
  async function reloadLists(): Promise<void> {
    const [s, p] = await Promise.all([api.listSections(), api.listPeople()])
    sections.value = s
    people.value = p
    if (signedIn.value) {
      // the signed-in person's section or title may just have changed
      const me = p.find((x) => x.id === currentUser.value.personId)
      if (me) currentUser.value = { ...currentUser.value, name: me.name, sectionId: me.sectionId, sectionName: me.sectionName, role: me.role, title: me.title }
    }
  }

  async function saveSection(s: Section): Promise<Section> {
    const saved = await api.saveSection(s)
    await reloadLists()
    return saved
  }

  async function deleteSection(id: number): Promise<void> {
    await api.deleteSection(id)
    await reloadLists()
  }

  async function savePerson(p: Person): Promise<Person> {
    const saved = await api.savePerson(p)
    await reloadLists()
    return saved
  }

  async function deletePerson(id: number): Promise<void> {
    await api.deletePerson(id)
    await reloadLists()
  }

  /** The person the session belongs to, or nobody (signed out). */
  function setSignedIn(u: Omit<CurrentUser, 'set'> | null): void {
    signedIn.value = u !== null
    currentUser.value = u ? { ...u, set: true } : noUser()
  }

  return {
    bureau, sections, people, currentUser, roles, loaded, signedIn,
    activePeople, activeSections, roleLabel, peopleOf,
    load, saveBureau, saveSection, deleteSection, savePerson, deletePerson, setSignedIn,
  }
})
