import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import PageHead from './PageHead.vue'

describe('PageHead', () => {
  it('names the title page-title and shows the line under it', () => {
    const w = mount(PageHead, { props: { title: '局长信箱', desc: '群众留言的分办' } })
    expect(w.get('[data-testid="page-title"]').text()).toBe('局长信箱')
    expect(w.get('.page-desc').text()).toBe('群众留言的分办')
  })

  it('takes a title test id, a back link before the title, a desc slot and the page’s buttons', () => {
    const w = mount(PageHead, {
      props: { title: '某政策', titleTestid: 'policy-heading' },
      slots: { before: '<a class="back">政策文件库</a>', desc: '<a class="link">查看文件</a>', default: '<button class="act">编辑</button>' },
    })
    expect(w.find('[data-testid="page-title"]').exists()).toBe(false)
    expect(w.get('[data-testid="policy-heading"]').text()).toBe('某政策')
    const head = w.get('.page-head')
    expect(head.element.children).toHaveLength(2)
    expect(head.element.lastElementChild?.className).toBe('act')
    const first = head.element.firstElementChild!
    expect([...first.children].map((c) => c.className)).toEqual(['back', 'page-title', 'page-desc'])
    expect(w.get('.page-desc .link').text()).toBe('查看文件')
  })
})
