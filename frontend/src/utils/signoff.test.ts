import { describe, expect, it } from 'vitest'
import type { CurrentUser, Section } from '../api/types'
import { replySignoffBlock, signoffBlock } from './signoff'

const user = (personId: number, role: string): CurrentUser => ({ personId, name: `人员${personId}`, sectionId: 1, sectionName: '', role, title: '', set: true })
const section: Section = { id: 7, name: '执法监察支队', headId: 5, headName: '高峰', leaderId: 0, leaderName: '', phone: '', duties: '', sortOrder: 0, active: true, peopleCount: 2 }

describe('replySignoffBlock', () => {
  it('lets approvers, administrators and the section head sign off', () => {
    expect(replySignoffBlock(user(2, 'approver'), section, 9, true)).toBe('')
    expect(replySignoffBlock(user(3, 'admin'), section, 9, true)).toBe('')
    expect(replySignoffBlock(user(5, 'handler'), section, 9, true)).toBe('')
    expect(replySignoffBlock(user(5, 'handler'), section, 9, false)).toBe('')
  })

  it('refuses everyone else and names who may', () => {
    const why = replySignoffBlock(user(4, 'mailbox'), section, 9, true)
    expect(why).toContain('无权审核')
    expect(why).toContain('承办科室“执法监察支队”负责人高峰')
    expect(replySignoffBlock(user(4, 'mailbox'), undefined, 9, false)).toContain('审核审签人员或系统管理员审核')
    expect(replySignoffBlock({ ...user(0, ''), set: false }, section, 9, true)).toContain('请先登录')
  })

  it('never lets the submitter approve their own reply, but lets them return it', () => {
    expect(replySignoffBlock(user(2, 'approver'), section, 2, true)).toContain('本人提交')
    expect(replySignoffBlock(user(2, 'approver'), section, 2, false)).toBe('')
  })
})

describe('signoffBlock', () => {
  it('lets approvers and administrators decide steps only', () => {
    expect(signoffBlock(user(2, 'approver'))).toBe('')
    expect(signoffBlock(user(3, 'admin'))).toBe('')
    expect(signoffBlock(user(4, 'drafter'))).toContain('无权审签')
    expect(signoffBlock({ ...user(0, ''), set: false })).toContain('请先登录')
  })
})

describe('signoffBlock on the pending step', () => {
  const steps = [
    { stepName: '科室负责人审核', personId: 2, personName: '人员2', decision: '同意' },
    { stepName: '分管领导审签', personId: 0, personName: '', decision: '' },
    { stepName: '保密审查', personId: 4, personName: '梁红', decision: '' },
  ]
  it('lets another approver sign an open step', () => {
    expect(signoffBlock(user(3, 'approver'), steps)).toBe('')
  })
  it('refuses the first signer on the second step', () => {
    expect(signoffBlock(user(2, 'approver'), steps)).toContain('一人不能签两个步骤')
  })
  it('keeps a named step for its signer', () => {
    const named = [steps[0], { ...steps[1], decision: '同意', personId: 3 }, steps[2]]
    expect(signoffBlock(user(3, 'approver'), named)).toContain('由梁红签批')
    expect(signoffBlock(user(4, 'approver'), named)).toBe('')
  })
  it('asks for the role first', () => {
    expect(signoffBlock(user(4, 'drafter'), steps)).toContain('无权审签')
  })
})
