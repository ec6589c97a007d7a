// Typed wrapper of RecoveryService: whether the database opened, and restoring a backup when it did not.
import * as go from '../../wailsjs/go/app/RecoveryService'
import { call } from './errors'
import type { app } from '../../wailsjs/go/models'
import type { BackupInfo } from './types'

export type RecoveryStatus = app.RecoveryStatus

export const getRecoveryStatus = (): Promise<RecoveryStatus> => call(() => go.Status())

/** Replaces the damaged database with the named backup and closes the app; returns where the old file was kept. */
export const restoreAndQuit = (name: string): Promise<BackupInfo> => call(() => go.RestoreAndQuit(name))
