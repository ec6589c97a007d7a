// Typed wrapper of PolicyService: the policy register (文件库) every module shares, the versions of a
// policy's text and their clauses.
import * as go from '../../wailsjs/go/app/PolicyService'
import type { app, core } from '../../wailsjs/go/models'
import { call } from './errors'

export type Policy = core.Policy
export type PolicyFilter = core.PolicyFilter
export type PolicyPage = core.PolicyPage
export type PolicyVersion = core.PolicyVersion
export type Clause = core.Clause
export type PolicyStatusChange = core.PolicyStatusChange
export type PolicyOptions = app.PolicyOptions
export type FileFilter = app.FileFilter
/** The consultations of a policy as its page lists them (the record only; see api/consultations). */
export type PolicyConsultation = core.Consultation
export type PolicyDetail = core.PolicyDetail

/** The file types a version's text can be imported from. */
export const documentFilters: FileFilter[] = [{ displayName: '政策文本(PDF、DOCX、TXT)', pattern: '*.pdf;*.docx;*.txt' }]

export const policyOptions = (): Promise<PolicyOptions> => call(() => go.Options())
export const listPolicies = (f: PolicyFilter): Promise<PolicyPage> => call(() => go.ListPolicies(f))
export const getPolicy = (id: number): Promise<PolicyDetail> => call(() => go.GetPolicy(id))
export const savePolicy = (p: Policy): Promise<Policy> => call(() => go.SavePolicy(p))
export const deletePolicy = (id: number): Promise<void> => call(() => go.DeletePolicy(id))
export const setPolicyStatus = (c: PolicyStatusChange): Promise<Policy> => call(() => go.SetPolicyStatus(c))

/** Imports a version's text from a file picked in the browser, sent as base64. */
export const importVersionData = (policyId: number, kind: string, versionDate: string, name: string, base64: string): Promise<PolicyVersion> =>
  call(() => go.ImportVersionData(policyId, kind, versionDate, name, base64))
/** Imports a version's text from a path chosen with chooseDocument (desktop app only). */
export const importVersionFile = (policyId: number, kind: string, versionDate: string, path: string): Promise<PolicyVersion> =>
  call(() => go.ImportVersionFile(policyId, kind, versionDate, path))
export const addVersionText = (policyId: number, kind: string, versionDate: string, text: string): Promise<PolicyVersion> =>
  call(() => go.AddVersionText(policyId, kind, versionDate, text))
export const getVersion = (id: number): Promise<PolicyVersion> => call(() => go.GetVersion(id))
export const listClauses = (versionId: number): Promise<Clause[]> => call(() => go.ListClauses(versionId))
/** Opens the native file dialog; resolves to "" when the user cancels. */
export const chooseDocument = (title: string): Promise<string> => call(() => go.ChooseFile(title, documentFilters))

/** A new, empty policy form. */
export function emptyPolicy(): Policy {
  return {
    id: 0, title: '', docNumber: '', category: '规范性文件', sectionId: 0, sectionName: '', drafterId: 0, drafterName: '',
    disclosure: '主动公开', disclosureBasis: '', enterpriseRelated: false, status: '', publishedDate: '', publishedUrl: '',
    versionCount: 0, consultations: 0, createdAt: '', updatedAt: '', version: 0,
  }
}
