import type { ClientRecord } from '../state.js'

/** Hono environment: the FAPI client resolved for this request, once. */
export interface AppEnv {
  Variables: {
    client: ClientRecord | undefined
  }
}
