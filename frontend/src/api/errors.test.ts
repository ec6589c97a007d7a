import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('../../wailsjs/go/app/SettingsService', () => ({
  GetBureau: vi.fn(),
  SaveSection: vi.fn(),
  DeletePerson: vi.fn(),
}))
vi.mock('../../wailsjs/go/app/CalendarService', () => ({
  AddWorkdays: vi.fn(),
  PreviewNotice: vi.fn(),
}))

import * as goSettings from '../../wailsjs/go/app/SettingsService'
import * as goCalendar from '../../wailsjs/go/app/CalendarService'
import { ApiError, GENERIC_MESSAGE, toApiError } from './errors'
import { deletePerson, getBureau, saveSection } from './settings'
import { addWorkdays, previewNotice } from './calendar'

describe('toApiError', () => {
  it('keeps the code, message and field of a formatted Go error', () => {
    const e = toApiError({ code: 'invalid', message: '科室名称不能为空', field: 'name' })
    expect(e).toBeInstanceOf(ApiError)
    expect(e).toBeInstanceOf(Error)
    expect([e.code, e.message, e.field]).toEqual(['invalid', '科室名称不能为空', 'name'])
  })

  it('parses a formatted error that arrives as JSON text', () => {
    const e = toApiError('{"code":"conflict","message":"科室名称已存在"}')
    expect([e.code, e.message, e.field]).toEqual(['conflict', '科室名称已存在', ''])
  })

  it('treats an unknown code as internal but keeps the message', () => {
    const e = toApiError({ code: 'teapot', message: '无法处理' })
    expect([e.code, e.message]).toEqual(['internal', '无法处理'])
  })

  it('keeps a plain Chinese string and hides a foreign one', () => {
    expect(toApiError('数据库已被锁定').message).toBe('数据库已被锁定')
    expect(toApiError('sql: database is closed')).toMatchObject({ code: 'internal', message: GENERIC_MESSAGE })
  })

  it('turns JavaScript exceptions into a generic internal error', () => {
    const e = toApiError(new TypeError("Cannot read properties of undefined (reading 'app')"))
    expect([e.code, e.message]).toEqual(['internal', GENERIC_MESSAGE])
    expect(toApiError(undefined).code).toBe('internal')
    expect(toApiError({ code: 'invalid' }).message).toBe(GENERIC_MESSAGE)
  })

  it('returns an ApiError unchanged', () => {
    const e = new ApiError('not_found', '人员不存在')
    expect(toApiError(e)).toBe(e)
  })
})

describe('service wrappers', () => {
  beforeEach(() => vi.resetAllMocks())

  it('pass results and arguments through', async () => {
    const bureau = { name: '临江市规划和自然资源局' }
    vi.mocked(goSettings.GetBureau).mockResolvedValue(bureau as never)
    await expect(getBureau()).resolves.toBe(bureau)

    vi.mocked(goCalendar.AddWorkdays).mockResolvedValue({ due: '2026-11-25' } as never)
    await expect(addWorkdays('2026-11-20', 3)).resolves.toEqual({ due: '2026-11-25' })
    expect(goCalendar.AddWorkdays).toHaveBeenCalledWith('2026-11-20', 3)
  })

  it('reject with ApiError carrying the Go code, message and field', async () => {
    vi.mocked(goSettings.SaveSection).mockRejectedValue({ code: 'invalid', message: '科室名称不能为空', field: 'name' })
    const err = await saveSection({} as never).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ code: 'invalid', message: '科室名称不能为空', field: 'name' })

    vi.mocked(goSettings.DeletePerson).mockRejectedValue('{"code":"forbidden","message":"该人员已有办理记录，不能删除"}')
    await expect(deletePerson(7)).rejects.toMatchObject({ code: 'forbidden', message: '该人员已有办理记录，不能删除' })

    vi.mocked(goCalendar.PreviewNotice).mockRejectedValue({ code: 'import', message: '第2行：无法识别日期' })
    await expect(previewNotice('…', 2027)).rejects.toMatchObject({ code: 'import' })
  })

  it('reject with an internal ApiError when the bridge itself is missing', async () => {
    vi.mocked(goSettings.GetBureau).mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'app')")
    })
    await expect(getBureau()).rejects.toMatchObject({ code: 'internal', message: GENERIC_MESSAGE })
  })
})
