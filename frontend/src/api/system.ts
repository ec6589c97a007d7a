// Typed wrapper of SystemService: facts about the installation for 设置 → 关于.
import * as go from './wailsjs/go/app/SystemService'
import { call } from './errors'
import type { SystemInfo } from './types'

export const getSystemInfo = (): Promise<SystemInfo> => call(() => go.Info())
