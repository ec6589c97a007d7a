// A page that shows a module's records: it subscribes to the module's change events, loads the module's value
// lists, loads its own data once mounted, and again whenever the module's revision moves.
import { onMounted, watch } from 'vue'
import { showError } from './errors'

export interface ModuleStore {
  readonly revision: number
  listen: () => void
  ensureOptions: () => Promise<void>
}

/** quiet: a page that can do without the value lists does not show their failure. */
export function useModuleRefresh(store: ModuleStore, load: () => unknown, opts: { quiet?: boolean } = {}): void {
  watch(() => store.revision, load)
  onMounted(() => {
    store.listen()
    store.ensureOptions().catch((e) => (opts.quiet ? undefined : showError(e)))
    load()
  })
}
