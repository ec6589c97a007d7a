// What the module stores (征求意见, 政策解读, 局长信箱) share: value lists loaded once, and a revision that
// moves when the Go side reports a change, so that open pages reload what they show.
import { defineStore } from 'pinia'
import { ref, type Ref } from 'vue'
import { onEvent, type EventName } from '../api/events'

/** How long change events must pause before pages reload. */
export const SETTLE_MS = 200

/** Runs load once; later calls share the first. A failure lets the next call try again. */
export function loadOnce(load: () => Promise<void>): () => Promise<void> {
  let loading: Promise<void> | null = null
  return () => {
    if (!loading) {
      loading = load().catch((e) => {
        loading = null
        throw e
      })
    }
    return loading
  }
}

/**
 * A revision that moves once after a burst of the named events stops (a batch decision or an import sends
 * one event per record), and listen(), which subscribes once for the life of the app; extra subscriptions
 * may be added by the store in more.
 */
export function changeRevision(events: EventName[], more?: () => void): { revision: Ref<number>; listen: () => void } {
  const revision = ref(0)
  let listening = false
  function listen(): void {
    if (listening) return
    listening = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const bump = () => {
      clearTimeout(timer)
      timer = setTimeout(() => void revision.value++, SETTLE_MS)
    }
    for (const name of events) onEvent(name, bump)
    more?.()
  }
  return { revision, listen }
}

/** What a module store is made of: the events that move its revision, and its value lists. */
export interface ModuleSpec<O> {
  events: EventName[]
  /** the value lists before they are loaded (empty lists) */
  blank: () => O
  load: () => Promise<O>
}

/** The shared part of every module store. */
export interface ModuleBase<O> {
  options: Ref<O>
  /** Bumped on every change event (a burst moves it once); pages watch it. */
  revision: Ref<number>
  listen: () => void
  /** Loads the value lists once; later calls share the first. */
  ensureOptions: () => Promise<void>
}

/** What extend gets: the shared part, and on, which adds a subscription that listen() makes with the others. */
export interface ModuleParts<O> extends ModuleBase<O> {
  on: (events: EventName[], handler: () => void) => void
}

/**
 * Defines a module store: its value lists (loaded once) and a revision that moves when the Go side reports a
 * change; extend adds what is the module's own (getters over the lists, lookups).
 */
export function defineModuleStore<O, X extends object = object>(id: string, spec: ModuleSpec<O>, extend?: (parts: ModuleParts<O>) => X) {
  return defineStore(id, () => {
    const options = ref(spec.blank()) as Ref<O>
    const extra: { events: EventName[]; handler: () => void }[] = []
    const { revision, listen } = changeRevision(spec.events, () => {
      for (const { events, handler } of extra) for (const name of events) onEvent(name, handler)
    })
    const ensureOptions = loadOnce(async () => {
      options.value = await spec.load()
    })
    const base: ModuleBase<O> = { options, revision, listen, ensureOptions }
    const on = (events: EventName[], handler: () => void) => void extra.push({ events, handler })
    return { ...base, ...((extend?.({ ...base, on }) ?? {}) as X) }
  })
}
