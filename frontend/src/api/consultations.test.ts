import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('../../wailsjs/go/app/ConsultationService', () => ({
  CheckPeriod: vi.fn(),
  Decide: vi.fn(),
  ExportReportDOCX: vi.fn(),
  ChooseFile: vi.fn(),
}))
vi.mock('../../wailsjs/go/app/PolicyService', () => ({ ImportVersionData: vi.fn(), ChooseFile: vi.fn() }))

import * as go from '../../wailsjs/go/app/ConsultationService'
import * as policyGo from '../../wailsjs/go/app/PolicyService'
import { checkPeriod, chooseSheet, decide, exportReportDOCX, sheetFilters } from './consultations'
import { chooseDocument, documentFilters, importVersionData } from './policies'
import { ApiError } from './errors'

describe('consultation wrappers', () => {
  beforeEach(() => vi.clearAllMocks())

  it('passes the period check through', async () => {
    const answer = { openDate: '2026-09-02', closeDate: '', earliestClose: '2026-10-09', naturalDays: 0, short: false, message: '' }
    vi.mocked(go.CheckPeriod).mockResolvedValue(answer as never)
    await expect(checkPeriod('2026-09-02', '')).resolves.toEqual(answer)
    expect(go.CheckPeriod).toHaveBeenCalledWith('2026-09-02', '')
  })

  it('turns a rejected decision into an ApiError with its field', async () => {
    vi.mocked(go.Decide).mockRejectedValue(new Error(JSON.stringify({ code: 'invalid', message: '处理结果为“不予采纳”时须填写理由', field: 'reason' })))
    const err = await decide({ commentId: 1, groupId: 0, decision: '不予采纳', reason: '', response: '' }).catch((e) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err.field).toBe('reason')
    expect(err.message).toMatch(/须填写理由/)
  })

  it('exports into the export folder unless a directory is given', async () => {
    vi.mocked(go.ExportReportDOCX).mockResolvedValue({ kind: 'docx', name: 'a.docx', path: '/x/a.docx' } as never)
    await exportReportDOCX(7)
    expect(go.ExportReportDOCX).toHaveBeenCalledWith(7, '')
  })

  it('offers only the file types each import reads', async () => {
    await chooseSheet('选择意见表格')
    expect(go.ChooseFile).toHaveBeenCalledWith('选择意见表格', sheetFilters)
    expect(sheetFilters[0].pattern).toBe('*.xlsx;*.csv')
    await chooseDocument('选择政策文本')
    expect(policyGo.ChooseFile).toHaveBeenCalledWith('选择政策文本', documentFilters)
    expect(documentFilters[0].pattern).toBe('*.pdf;*.docx;*.txt')
  })

  it('sends a browser-picked version as name and base64', async () => {
    vi.mocked(policyGo.ImportVersionData).mockResolvedValue({ id: 3 } as never)
    await importVersionData(1, '征求意见稿', '2026-09-21', 'policy.pdf', 'JVBERi0=')
    expect(policyGo.ImportVersionData).toHaveBeenCalledWith(1, '征求意见稿', '2026-09-21', 'policy.pdf', 'JVBERi0=')
  })
})
