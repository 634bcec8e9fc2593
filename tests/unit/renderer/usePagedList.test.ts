// The one paging composable every paged list uses: a late answer to an older query never
// overwrites a newer one, nor ends its loading state, nor reports its failure.
import { describe, expect, it } from 'vitest'
import { ref } from 'vue'
import { useLatestLoad, usePagedList, usePagedSlice } from '../../../src-renderer/src/composables/usePagedList'

interface Pending {
  offset: number
  limit: number
  resolve: (page: { rows: string[]; total: number }) => void
  reject: (error: Error) => void
}

/** A fetch whose answers the test hands out in any order. */
function controlledFetch() {
  const pending: Pending[] = []
  const fetch = (offset: number, limit: number) =>
    new Promise<{ rows: string[]; total: number }>((resolve, reject) =>
      pending.push({ offset, limit, resolve, reject }),
    )
  return { fetch, pending }
}

describe('usePagedList', () => {
  it('asks the core for the current page and shows its rows and total', async () => {
    const { fetch, pending } = controlledFetch()
    const list = usePagedList(fetch, { pageSize: 20 })
    list.page.value = 3
    const loading = list.load()
    expect(list.loading.value).toBe(true)
    expect(pending.map(({ offset, limit }) => [offset, limit])).toEqual([[40, 20]])
    pending[0]!.resolve({ rows: ['第41行'], total: 41 })
    await loading
    expect(list.rows.value).toEqual(['第41行'])
    expect(list.total.value).toBe(41)
    expect(list.loading.value).toBe(false)
  })

  it('keeps the newer page when the older answer arrives last', async () => {
    const { fetch, pending } = controlledFetch()
    const list = usePagedList(fetch)
    const older = list.load()
    list.page.value = 2
    const newer = list.load()
    pending[1]!.resolve({ rows: ['第二页'], total: 80 })
    await newer
    expect(list.loading.value).toBe(false)
    pending[0]!.resolve({ rows: ['第一页'], total: 60 })
    await older
    expect(list.rows.value).toEqual(['第二页'])
    expect(list.total.value).toBe(80)
    expect(list.loading.value).toBe(false)
  })

  it('stays loading while the newest query is on its way, even when an older one answers', async () => {
    const { fetch, pending } = controlledFetch()
    const list = usePagedList(fetch)
    const older = list.load()
    const newer = list.search()
    pending[0]!.resolve({ rows: ['旧结果'], total: 1 })
    await older
    expect(list.loading.value).toBe(true)
    expect(list.rows.value).toEqual([])
    pending[1]!.resolve({ rows: ['新结果'], total: 1 })
    await newer
    expect(list.rows.value).toEqual(['新结果'])
    expect(list.loading.value).toBe(false)
  })

  it('reports the failure of the newest query and not that of a superseded one', async () => {
    const { fetch, pending } = controlledFetch()
    const list = usePagedList(fetch)
    const older = list.load()
    const newer = list.load()
    pending[0]!.reject(new Error('旧查询失败'))
    await expect(older).resolves.toBeUndefined()
    pending[1]!.reject(new Error('数据库已锁定'))
    await expect(newer).rejects.toThrow('数据库已锁定')
    expect(list.loading.value).toBe(false)
  })

  it('starts a search again at page 1 and tells the owner about each page it shows, not stale ones', async () => {
    const { fetch, pending } = controlledFetch()
    const shown: string[][] = []
    const list = usePagedList(fetch, { onPage: (page) => shown.push(page.rows) })
    list.page.value = 5
    const stale = list.load()
    const search = list.search()
    expect(list.page.value).toBe(1)
    expect(pending[1]!.offset).toBe(0)
    pending[1]!.resolve({ rows: ['马建国'], total: 1 })
    pending[0]!.resolve({ rows: ['旧页'], total: 300 })
    await Promise.all([stale, search])
    expect(shown).toEqual([['马建国']])
  })
})

describe('useLatestLoad', () => {
  /** A load whose answers the test hands out in any order, and what it showed. */
  function controlledLoad() {
    const pending: { resolve: (year: number) => void; reject: (error: Error) => void }[] = []
    const shown: number[] = []
    const latest = useLatestLoad(
      () => new Promise<number>((resolve, reject) => pending.push({ resolve, reject })),
      (year) => shown.push(year),
    )
    return { ...latest, pending, shown }
  }

  it('shows the newest answer only, and stays loading until it arrives', async () => {
    const { load, loading, pending, shown } = controlledLoad()
    const older = load()
    const newer = load()
    pending[1]!.resolve(2026)
    await newer
    pending[0]!.resolve(2025)
    await older
    expect(shown).toEqual([2026])
    expect(loading.value).toBe(false)

    const again = load()
    const last = load()
    pending[2]!.resolve(2024)
    await again
    expect(loading.value).toBe(true)
    pending[3]!.resolve(2023)
    await last
    expect(shown).toEqual([2026, 2023])
  })

  it('reports the failure of the newest load and not that of a superseded one', async () => {
    const { load, pending } = controlledLoad()
    const older = load()
    const newer = load()
    pending[0]!.reject(new Error('旧的查询失败'))
    await expect(older).resolves.toBeUndefined()
    pending[1]!.reject(new Error('新的查询失败'))
    await expect(newer).rejects.toThrow('新的查询失败')
  })
})

describe('usePagedSlice', () => {
  it('pages a list the renderer holds and follows it as it changes', () => {
    const units = ref(Array.from({ length: 120 }, (_, index) => `学校${index + 1}`))
    const list = usePagedSlice(() => units.value)
    expect(list.rows.value).toHaveLength(50)
    list.page.value = 3
    expect(list.rows.value).toEqual(units.value.slice(100))
    expect(list.total.value).toBe(120)
    units.value = units.value.filter((name) => name.endsWith('0'))
    expect(list.total.value).toBe(12)
    list.page.value = 1
    list.pageSize.value = 5
    expect(list.rows.value).toEqual(['学校10', '学校20', '学校30', '学校40', '学校50'])
  })
})
