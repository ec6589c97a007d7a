// Typed wrapper of SettingsService: the bureau, its sections and people (the signed-in person: api/auth.ts).
import * as go from '../../wailsjs/go/app/SettingsService'
import { call } from './errors'
import type { Bureau, Option, Person, Section } from './types'

export const getBureau = (): Promise<Bureau> => call(() => go.GetBureau())
export const saveBureau = (b: Bureau): Promise<Bureau> => call(() => go.SaveBureau(b))

export const listSections = (): Promise<Section[]> => call(() => go.ListSections())
export const saveSection = (s: Section): Promise<Section> => call(() => go.SaveSection(s))
export const deleteSection = (id: number): Promise<void> => call(() => go.DeleteSection(id))

export const listPeople = (): Promise<Person[]> => call(() => go.ListPeople())
export const savePerson = (p: Person): Promise<Person> => call(() => go.SavePerson(p))
export const deletePerson = (id: number): Promise<void> => call(() => go.DeletePerson(id))

export const listRoles = (): Promise<Option[]> => call(() => go.Roles())
