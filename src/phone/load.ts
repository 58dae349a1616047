import { DialkitError } from '../errors/dialkit-error.js'
import type * as Lazy from './phone-lazy.js'

type LazyModule = typeof Lazy

let loaded: LazyModule | undefined
let loading: Promise<LazyModule> | undefined

/**
 * Loads the phone chunk once; later calls share the same promise. A failed load may be retried.
 *
 * @throws DialkitError when the chunk cannot be fetched
 */
export function loadPhone(): Promise<LazyModule> {
  loading ??= import('./phone-lazy.js').then(
    (module) => (loaded = module),
    (cause: unknown) => {
      loading = undefined
      // A chunk that fails to load (offline, deploy skew) is still one of our errors, never a raw TypeError.
      throw new DialkitError('Could not load phone number metadata', { cause })
    },
  )
  return loading
}

/** The phone chunk if it is already loaded, for the sync formatters. */
export function phoneIfLoaded(): LazyModule | undefined {
  return loaded
}
