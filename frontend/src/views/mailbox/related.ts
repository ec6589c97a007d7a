// Pure helpers of the related-documents panel beside the reply editor: where a document opens in the app,
// how it is described, and how a citation goes into the reply at the cursor.
import type { RelatedDocument } from '../../api/mailbox'

/** The app page of a related document: the policy's page, or the interpretation's editor. */
export function relatedLink(d: Pick<RelatedDocument, 'kind' | 'id'>): string {
  return d.kind === 'interpretation' ? `/interpretations/${d.id}` : `/policies/${d.id}`
}

/** The line under the title: what the document is, its 文号 and publication date. */
export function relatedMeta(d: Pick<RelatedDocument, 'kind' | 'form' | 'docNumber' | 'publishedDate'>): string {
  const parts = [d.kind === 'interpretation' ? `政策解读 · ${d.form}` : '政策文件']
  if (d.docNumber) parts.push(d.docNumber)
  if (d.publishedDate) parts.push(`${d.publishedDate} 发布`)
  return parts.join(' · ')
}

/** The result of inserting text: the new value and where the cursor goes (UTF-16 offsets, as textareas count). */
export interface Insertion {
  value: string
  caret: number
}

/**
 * Puts text in place of value[start, end) (the selection, or the cursor when they are equal), clamping
 * offsets that fall outside value. A citation is a sentence of its own: it ends with 。 unless the text
 * after the cursor already starts with punctuation.
 */
export function insertAt(value: string, start: number, end: number, text: string): Insertion {
  const from = Math.max(0, Math.min(start, value.length))
  const to = Math.max(from, Math.min(end, value.length))
  const after = value.slice(to)
  const sentence = /^[。，；、！？,.;!?]/.test(after) || /[。！？]$/.test(text) ? text : `${text}。`
  return { value: value.slice(0, from) + sentence + after, caret: from + sentence.length }
}
