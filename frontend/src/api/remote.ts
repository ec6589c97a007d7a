// Typed wrapper of RemoteService (desktop only): the 单位服务器 this desk works on, probed, pinned and connected.
import { call } from './errors'
import { invoke, setRemote } from './transport'

export interface RemoteStatus {
  /** the server's address as entered (https://host:port), "" when none is set */
  address: string
  /** the pinned certificate's SHA-256 fingerprint (AA:BB:…) */
  fingerprint: string
  connected: boolean
  /** the last failure to reach the server, "" when it answered */
  lastError: string
}

export interface RemoteProbe {
  address: string
  fingerprint: string
  subject: string
  issuer: string
  notAfter: string
  /** the server's bureau name, when it answered its login page */
  bureau: string
}

const remote = <T>(method: string, ...args: unknown[]): Promise<T> => invoke('RemoteService', method, args) as Promise<T>

function applied(s: RemoteStatus): RemoteStatus {
  setRemote(s.connected)
  return s
}

export const remoteStatus = (): Promise<RemoteStatus> => call(() => remote<RemoteStatus>('Status')).then(applied)
export const probeServer = (address: string): Promise<RemoteProbe> => call(() => remote<RemoteProbe>('Probe', address))
export const connectServer = (address: string, fingerprint: string): Promise<RemoteStatus> =>
  call(() => remote<RemoteStatus>('Connect', address, fingerprint)).then(applied)
export const disconnectServer = (): Promise<RemoteStatus> => call(() => remote<RemoteStatus>('Disconnect')).then(applied)
