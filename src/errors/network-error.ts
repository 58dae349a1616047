import { DialkitError } from './dialkit-error.js'

/** Why a request never got an answer. @example if (error.reason === 'aborted') return // the caller cancelled */
export type NetworkErrorReason = 'offline' | 'timeout' | 'aborted' | 'failed' | 'malformed_response'

/**
 * The request did not complete: offline, DNS, connection refused, timeout, abort, or a body that was not JSON.
 * An offline send is this error, never a silent success.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (isNetworkError(error) && error.reason === 'offline') showBanner('You are offline')
 * }
 * ```
 */
export class NetworkError extends DialkitError {
  /** Always `'NetworkError'`. */
  override name = 'NetworkError' as const
  /** What went wrong; `aborted` wins when the caller cancelled, whatever the wire did meanwhile. */
  declare readonly reason: NetworkErrorReason
  /** The request URL, query included; `undefined` for an abort before or during a shared request, and for a 2xx lacking fields. */
  declare readonly url: string | undefined

  constructor(reason: NetworkErrorReason, message: string, options?: { cause?: unknown; url?: string }) {
    super(message, { cause: options?.cause })
    this.reason = reason
    this.url = options?.url
  }
}

// Messages a UI may show as they are; the URL is in `url`, and its query (session id) never in a message.
const MESSAGES: Partial<Record<NetworkErrorReason, string>> = {
  offline: 'Offline: nothing was sent',
  timeout: 'The server did not answer in time',
  aborted: 'Aborted',
  malformed_response: 'Unexpected server answer',
}

/**
 * The one place dialkit builds a NetworkError (both entries), so a reason always reads the same. What a
 * malformed answer lacked goes in `cause`.
 */
export function createNetworkError(reason: NetworkErrorReason, cause?: unknown, url?: string): NetworkError {
  return new NetworkError(reason, MESSAGES[reason] ?? `Could not reach ${url?.replace(/\?.*/, '')}`, { cause, url })
}

/**
 * A request that threw instead of answering. An abort by the caller wins over everything, a timeout next;
 * `navigator.onLine` is read at call time only, so importing dialkit never touches browser globals.
 */
export function toNetworkError(thrown: unknown, url: string, aborted?: boolean, timedOut?: boolean): NetworkError {
  const offline = globalThis.navigator?.onLine === false
  return createNetworkError(aborted ? 'aborted' : timedOut ? 'timeout' : offline ? 'offline' : 'failed', thrown, url)
}
