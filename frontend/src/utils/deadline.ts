// How a deadline's status is shown: the badge's text and tone.
import type { Deadline } from '../api/types'
import { deadlineStatusLabels } from '../i18n/zh-CN'

/** Tones map to colours in the stylesheet: red, orange, blue, yellow, grey. */
export type BadgeTone = 'red' | 'orange' | 'blue' | 'yellow' | 'grey'

export interface Badge {
  text: string
  tone: BadgeTone
}

/**
 * The badge of a deadline. Counted statuses are worded from the working-day count so that every module
 * reads the same ("剩余N个工作日" / "今日到期" / "已超期N个工作日"); reminders keep their own label.
 */
export function deadlineBadge(d: Pick<Deadline, 'status' | 'label' | 'workdays'>): Badge {
  switch (d.status) {
    case 'overdue':
      return { text: `已超期${Math.abs(d.workdays)}个工作日`, tone: 'red' }
    case 'due_today':
      return { text: '今日到期', tone: 'orange' }
    case 'pending':
      return { text: `剩余${d.workdays}个工作日`, tone: 'blue' }
    case 'warning':
      return { text: d.label || deadlineStatusLabels.warning, tone: 'yellow' }
    default:
      return { text: d.label || deadlineStatusLabels.info, tone: 'grey' }
  }
}
