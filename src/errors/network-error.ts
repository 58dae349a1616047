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
