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
  override name = 'NetworkError' as const
  declare readonly reason: NetworkErrorReason
  declare readonly url: string | undefined

  constructor(reason: NetworkErrorReason, message: string, options?: { cause?: unknown; url?: string }) {
    super(message, { cause: options?.cause })
    this.reason = reason
    this.url = options?.url
  }
}
