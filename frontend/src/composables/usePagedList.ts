// A paged, filtered list: the query, the page, the rows and their total, and "latest request wins": when the
// query changes while an answer is on its way, the older answer is dropped, so a slow response never
// overwrites the rows of a newer one.
import { reactive, ref, shallowRef, type Reactive, type Ref } from 'vue'
import { showError } from './errors'

export interface PagedListOptions<Q extends object, R> {
  /** the query's initial value (filters); the list keeps it reactive */
  query: Q
  /** fetches one page; offset and limit count rows */
  fetch: (query: Q, offset: number, limit: number) => Promise<{ rows: R[]; total: number }>
  pageSize?: number
  /** a failure is shown with the one error display unless this handles it */
  onError?: (e: unknown) => void
}

export interface PagedList<Q extends object, R> {
  query: Reactive<Q>
  rows: Ref<R[]>
  total: Ref<number>
  /** 1-based */
  page: Ref<number>
  pageSize: number
  loading: Ref<boolean>
  /** reloads the current page */
  load: () => Promise<void>
  /** back to the first page, then load */
  search: () => Promise<void>
  /** to page n (1-based), then load */
  goTo: (n: number) => Promise<void>
}

export function usePagedList<Q extends object, R>(opts: PagedListOptions<Q, R>): PagedList<Q, R> {
  const pageSize = opts.pageSize ?? 20
  const query = reactive(opts.query)
  const rows: Ref<R[]> = shallowRef([])
  const total = ref(0)
  const page = ref(1)
  const loading = ref(false)
  let latest = 0

  async function load(): Promise<void> {
    const ticket = ++latest
    loading.value = true
    try {
      const res = await opts.fetch({ ...(query as Q) }, (page.value - 1) * pageSize, pageSize)
      if (ticket !== latest) return // a newer request was made: its answer counts
      rows.value = res.rows
      total.value = res.total
    } catch (e) {
      if (ticket !== latest) return
      if (opts.onError) opts.onError(e)
      else showError(e)
    } finally {
      if (ticket === latest) loading.value = false
    }
  }

  function search(): Promise<void> {
    page.value = 1
    return load()
  }

  function goTo(n: number): Promise<void> {
    page.value = n
    return load()
  }

  return { query, rows, total, page, pageSize, loading, load, search, goTo }
}
