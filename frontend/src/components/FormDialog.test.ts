import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import FormDialog from './FormDialog.vue'

function mountDialog(props: Record<string, unknown>, slots: Record<string, string> = {}) {
  return mount(FormDialog, {
    props: { modelValue: true, title: '改派', ...props },
    slots: { default: '<p class="body">内容</p>', ...slots },
    global: { plugins: [ElementPlus] },
    attachTo: document.body,
  })
}

const buttons = () => [...document.body.querySelectorAll('.el-dialog__footer button')] as HTMLButtonElement[]

// Element Plus is mounted whole: the first mount can take seconds on a loaded machine.
describe('FormDialog', { timeout: 30_000 }, () => {
  it('cancels with 取消 and saves with the named button of the chosen kind', async () => {
    const w = mountDialog({ saveText: '确定退回', saveType: 'danger', saveTestid: 'action-save' })
    await w.vm.$nextTick()
    const [cancel, save] = buttons()
    expect(cancel.textContent?.trim()).toBe('取消')
    expect(save.textContent?.trim()).toBe('确定退回')
    expect(save.className).toContain('el-button--danger')
    expect(save.dataset.testid).toBe('action-save')
    save.click()
    cancel.click()
    expect(w.emitted('save')).toHaveLength(1)
    expect(w.emitted('update:modelValue')).toEqual([[false]])
    w.unmount()
  })

  it('lets a dialog replace the save button', async () => {
    const w = mountDialog({}, { save: '<button class="own">登记豁免并送审签</button>' })
    await w.vm.$nextTick()
    expect(buttons().map((b) => b.textContent?.trim())).toEqual(['取消', '登记豁免并送审签'])
    w.unmount()
  })
})
