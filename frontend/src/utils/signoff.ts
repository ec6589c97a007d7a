// Who may sign off, as the Go store enforces it (internal/sqlite/mailbox_workflow.go and signoff.go). The
// 同意 / 退回 buttons are disabled with this reason as their tooltip, so nobody presses them only to be refused.
import type { CurrentUser, Section } from '../api/types'

const signsOff = (role: string) => role === 'approver' || role === 'admin'

const chooseYourself = '请先登录'

/** Who may sign off a mailbox reply handled by section. */
export function replySigners(section: Section | undefined): string {
  if (!section?.headId) return '审核审签人员或系统管理员'
  return `审核审签人员、系统管理员或承办科室“${section.name}”负责人${section.headName}`
}

/**
 * Why user may not approve (or return) a mailbox reply, '' when they may: approvers and administrators, or the
 * head of the handling section; a reply is never approved by the person who submitted it.
 */
export function replySignoffBlock(user: CurrentUser, section: Section | undefined, repliedById: number, approving: boolean): string {
  const who = replySigners(section)
  if (!user.set) return `${chooseYourself}。答复须由${who}审核`
  if (approving && repliedById === user.personId) return `此答复由您本人提交，不能由本人审核通过；请由其他${who}审核`
  if (signsOff(user.role) || (section?.headId && section.headId === user.personId)) return ''
  return `您(${user.name})无权审核此答复：答复须由${who}审核；请退出登录后由有权限的人员登录办理`
}

/** The parts of a sign-off step this module reads. */
export interface StepFacts {
  stepName: string
  personId: number
  personName: string
  decision: string
}

/**
 * Why user may not decide the pending step of a sign-off round (policy, interpretation or 意见采纳情况说明),
 * '' when they may: approvers and administrators only; a step that names its signer only by them; and nobody
 * signs two steps of one round (三审 means three people).
 */
export function signoffBlock(user: CurrentUser, steps: StepFacts[] = []): string {
  if (!user.set) return `${chooseYourself}。审签须由审核审签人员或系统管理员进行`
  if (!signsOff(user.role)) return `您(${user.name})无权审签：审签须由审核审签人员或系统管理员进行；请退出登录后由有权限的人员登录办理`
  const step = steps.find((s) => s.decision === '')
  if (step?.personId && step.personId !== user.personId) return `“${step.stepName}”由${step.personName}签批，${user.name}不能代签`
  const signed = steps.find((s) => s.decision && s.personId === user.personId)
  if (step && signed) return `${user.name}已签“${signed.stepName}”，同一轮审签中一人不能签两个步骤`
  return ''
}
