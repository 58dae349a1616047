import type * as Lazy from './phone-lazy.js'

type LazyModule = typeof Lazy

let loaded: LazyModule | undefined
let loading: Promise<LazyModule> | undefined

/** Loads the phone chunk once; later calls share the same promise. A failed load may be retried. */
export function loadPhone(): Promise<LazyModule> {
  loading ??= import('./phone-lazy.js').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined
      throw error
    },
  )
  return loading
}

/** The phone chunk if it is already loaded, for the sync formatters. */
export function phoneIfLoaded(): LazyModule | undefined {
  return loaded
}
