// Typed wrapper of RecoveryService: whether the database opened, and restoring a backup when it did not.
import * as go from './wailsjs/go/app/RecoveryService'
import { call } from './errors'
import type { BackupInfo } from './types'

export type RecoveryStatus = { ok: boolean; problem: string; dbPath: string; backups: BackupInfo[] }

export const getRecoveryStatus = (): Promise<RecoveryStatus> =>
  call(() => go.Status()).then((s) => ({ ok: s.ok, problem: s.problem, dbPath: s.dbPath, backups: s.backups ?? [] }))

/** Replaces the damaged database with the named backup and closes the app; returns where the old file was kept. */
export const restoreAndQuit = (name: string): Promise<BackupInfo> => call(() => go.RestoreAndQuit(name))
