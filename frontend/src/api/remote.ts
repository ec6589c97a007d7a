// Typed wrapper of RemoteService (desktop only): the 单位服务器 this desk works on, probed, pinned and connected.
import * as go from '../../wailsjs/go/app/RemoteService'
import type { core } from '../../wailsjs/go/models'
import { call } from './errors'
import { setRemote } from './transport'

export type RemoteStatus = core.RemoteStatus
export type RemoteProbe = core.RemoteProbe

function applied(s: RemoteStatus): RemoteStatus {
  setRemote(s.connected)
  return s
}

export const remoteStatus = (): Promise<RemoteStatus> => call(() => go.Status()).then(applied)
export const probeServer = (address: string): Promise<RemoteProbe> => call(() => go.Probe(address))
export const connectServer = (address: string, fingerprint: string): Promise<RemoteStatus> =>
  call(() => go.Connect(address, fingerprint)).then(applied)
export const disconnectServer = (): Promise<RemoteStatus> => call(() => go.Disconnect()).then(applied)
