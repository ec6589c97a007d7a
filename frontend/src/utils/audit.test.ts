import { describe, expect, it } from 'vitest'
import {
  NO_VALUE,
  actionLabel,
  entityLabel,
  fieldLabel,
  formatTime,
  formatValue,
  parseChanges,
  referenceResolver,
} from './audit'

describe('audit labels', () => {
  it('names every action in Chinese and keeps unknown ones as they are', () => {
    expect(['create', 'update', 'delete', 'state', 'sign', 'publish', 'import'].map(actionLabel)).toEqual([
      '新建', '修改', '删除', '状态变更', '审签', '发布', '导入',
    ])
    expect(actionLabel('archive')).toBe('archive')
  })

  it('names the record kinds, falling back to the raw name', () => {
    expect(entityLabel('bureau')).toBe('单位信息')
    expect(entityLabel('section')).toBe('科室')
    expect(entityLabel('person')).toBe('人员')
    expect(entityLabel('current_user')).toBe('当前使用人')
    expect(entityLabel('calendar_day')).toBe('工作日历')
    expect(entityLabel('comment_batch')).toBe('意见导入批次')
    expect(entityLabel('future_thing')).toBe('future_thing')
    // a name that is also a property of every object is not a label
    expect(entityLabel('constructor')).toBe('constructor')
  })

  it('prefers a record-specific field name', () => {
    expect(fieldLabel('person', 'title')).toBe('职务')
    expect(fieldLabel('policy', 'title')).toBe('标题')
    expect(fieldLabel('section', 'name')).toBe('科室名称')
    expect(fieldLabel('bureau', 'bureau.short_name')).toBe('简称')
    expect(fieldLabel('section', 'head_id')).toBe('负责人')
    expect(fieldLabel('section', 'mystery')).toBe('mystery')
  })
})

describe('formatValue', () => {
  it('writes JSON values as one line of text', () => {
    expect(formatValue(null)).toBe(NO_VALUE)
    expect(formatValue(undefined)).toBe(NO_VALUE)
    expect(formatValue('')).toBe(NO_VALUE)
    expect(formatValue('综合组')).toBe('综合组')
    expect(formatValue(0)).toBe('0')
    expect(formatValue(true)).toBe('是')
    expect(formatValue(false)).toBe('否')
    expect(formatValue([1, '二', null])).toBe(`1、二、${NO_VALUE}`)
    expect(formatValue([])).toBe(NO_VALUE)
    expect(formatValue({ a: 1 })).toBe('{"a":1}')
  })

  it('keeps markup as plain characters', () => {
    expect(formatValue('<img src=x onerror="alert(1)">')).toBe('<img src=x onerror="alert(1)">')
  })
})

describe('parseChanges', () => {
  it('lists each field with its old and new value, in order', () => {
    const rows = parseChanges('{"name":["综合组","综合科"],"phone":["","0571-8801"],"active":[true,false]}', 'section')
    expect(rows).toEqual([
      { field: 'name', label: '科室名称', old: '综合组', new: '综合科' },
      { field: 'phone', label: '电话', old: NO_VALUE, new: '0571-8801' },
      { field: 'active', label: '启用', old: '是', new: '否' },
    ])
  })

  it('shows a created record with no old values and a deleted one with no new values', () => {
    expect(parseChanges('{"name":[null,"信息中心"]}', 'section')).toEqual([
      { field: 'name', label: '科室名称', old: NO_VALUE, new: '信息中心' },
    ])
    expect(parseChanges('{"name":["信息中心",null]}', 'section')[0]).toMatchObject({ old: '信息中心', new: NO_VALUE })
  })

  it('takes a bare value as the new value', () => {
    expect(parseChanges('{"rows":12}', 'comment_batch')).toEqual([{ field: 'rows', label: '行数', old: NO_VALUE, new: '12' }])
  })

  it('gives no rows for text that is not a JSON object', () => {
    for (const bad of ['', 'null', '[]', '[["a","b"]]', '"text"', '{not json', '42']) {
      expect(parseChanges(bad)).toEqual([])
    }
    expect(parseChanges('{}')).toEqual([])
  })

  it('names referenced people and sections through a resolver', () => {
    const resolve = referenceResolver(
      [{ id: 11, name: '陈晓静' }],
      [{ id: 1, name: '综合组' }],
    )
    const rows = parseChanges('{"head_id":[0,11],"section_id":[1,99],"sort_order":[10,20]}', 'person', resolve)
    expect(rows.map((r) => [r.old, r.new])).toEqual([
      [NO_VALUE, '陈晓静'],
      ['综合组', '99'], // an id no longer in the lists stays a number
      ['10', '20'],
    ])
  })
})

describe('formatTime', () => {
  it('drops the zone and keeps the seconds', () => {
    expect(formatTime('2026-11-20T09:00:05+08:00')).toBe('2026-11-20 09:00:05')
    expect(formatTime('2026-11-20 09:00:05')).toBe('2026-11-20 09:00:05')
    expect(formatTime('yesterday')).toBe('yesterday')
  })
})
