// Reading audit entries: labels for their codes and the field changes they carry. An entry's `changes` is
// JSON text {field: [old, new]} written by the Go side; old is null for a new record, new is null for a
// deleted one. Everything here returns plain strings, which the views show as text.
import { auditActionLabels, auditEntityLabels, auditFieldLabels, labelOf } from '../i18n/zh-CN'

/** Shown for a value that is absent (null, or an empty text). */
export const NO_VALUE = '—'

export interface FieldChange {
  field: string
  label: string
  old: string
  new: string
}

/** Turns a field's id value into a name (负责人 11 → 陈晓静); undefined keeps the value as it is. */
export type ValueResolver = (field: string, value: unknown) => string | undefined

export const actionLabel = (action: string): string => labelOf(auditActionLabels, action)
export const entityLabel = (entity: string): string => labelOf(auditEntityLabels, entity)

export function fieldLabel(entity: string, field: string): string {
  const specific = `${entity}.${field}`
  return Object.hasOwn(auditFieldLabels, specific) ? auditFieldLabels[specific] : labelOf(auditFieldLabels, field)
}

/** A JSON value as one line of text: 是/否 for booleans, lists joined with 、. */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return NO_VALUE
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (typeof v === 'string') return v
  if (typeof v === 'number') return String(v)
  if (Array.isArray(v)) return v.length ? v.map(formatValue).join('、') : NO_VALUE
  return JSON.stringify(v)
}

/**
 * Parses an entry's changes into rows for the old → new table, in the order the entry lists them. Text
 * that is not a JSON object gives no rows rather than an error: the entry's summary still says what happened.
 */
export function parseChanges(changes: string, entity = '', resolve?: ValueResolver): FieldChange[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(changes)
  } catch {
    return []
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return []
  const show = (field: string, v: unknown) => (v === null || v === undefined ? NO_VALUE : resolve?.(field, v)) ?? formatValue(v)
  return Object.entries(parsed as Record<string, unknown>).map(([field, pair]) => {
    const [oldValue, newValue] = Array.isArray(pair) ? pair : [null, pair]
    return { field, label: fieldLabel(entity, field), old: show(field, oldValue), new: show(field, newValue) }
  })
}

// Fields that hold the id of a person or a section.
const personFields = new Set(['head_id', 'drafter_id', 'assignee_id'])
const sectionFields = new Set(['section_id'])

/** A resolver that names people and sections by id, from the lists the settings store holds. */
export function referenceResolver(
  people: readonly { id: number; name: string }[],
  sections: readonly { id: number; name: string }[],
): ValueResolver {
  const find = (list: readonly { id: number; name: string }[], v: unknown) => {
    const id = Number(v)
    if (!id) return undefined
    return list.find((x) => x.id === id)?.name
  }
  return (field, value) => {
    if (personFields.has(field)) return Number(value) === 0 ? NO_VALUE : find(people, value)
    if (sectionFields.has(field)) return Number(value) === 0 ? NO_VALUE : find(sections, value)
    return undefined
  }
}

/** "2026-11-20T09:00:05+08:00" → "2026-11-20 09:00:05". */
export function formatTime(at: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})/.exec(at)
  return m ? `${m[1]} ${m[2]}` : at
}
