// Typed wrapper of SystemService: facts about the installation, backups and restore, and the audit trail.
import * as go from '../../wailsjs/go/app/SystemService'
import { call } from './errors'
import type { AuditCheck, AuditFilter, AuditPage, BackupInfo, RestoreResult, SystemInfo } from './types'

export const getSystemInfo = (): Promise<SystemInfo> => call(() => go.Info())

/** The backups in the data directory's backups folder, newest first. */
export const listBackups = (): Promise<BackupInfo[]> => call(() => go.ListBackups())
export const backupNow = (): Promise<BackupInfo> => call(() => go.BackupNow())
/** How many automatic backups are kept (manual ones are never pruned). */
export const getBackupKeep = (): Promise<number> => call(() => go.BackupKeep())
export const setBackupKeep = (n: number): Promise<number> => call(() => go.SetBackupKeep(n))
/** Restores the named backup; the Go side first keeps the current data as a 恢复前自动备份. */
export const restoreBackup = (name: string): Promise<RestoreResult> => call(() => go.RestoreBackup(name))

/** One page of audit entries matching the filter, newest first. */
export const auditLog = (f: AuditFilter): Promise<AuditPage> => call(() => go.AuditLog(f))
export const verifyAudit = (): Promise<AuditCheck> => call(() => go.VerifyAudit())
/** Writes the entries matching the filter to an XLSX file and returns its path. */
export const exportAudit = (f: AuditFilter): Promise<string> => call(() => go.ExportAudit(f))

/** Opens the log folder in the desk's file manager (standalone desk only). */
export const openLogFolder = (): Promise<void> => call(() => go.OpenLogFolder())
/** Writes a 诊断包 (masked logs, installation facts, checks; no records) and returns its path. */
export const exportDiagnostics = (): Promise<string> => call(() => go.ExportDiagnostics())
/** Opens an exported file with the desk's program for it (standalone desk only). */
export const openExport = (path: string): Promise<void> => call(() => go.OpenExport(path))
/** Shows the folder of an exported file (standalone desk only). */
export const showExport = (path: string): Promise<void> => call(() => go.ShowExport(path))
