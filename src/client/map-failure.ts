import { HTTPError, TimeoutError } from 'ky'
import { isDialkitError, type DialkitError } from '../errors/index.js'
import { parseObject } from '../errors/parse-object.js'
import { toNetworkError } from '../errors/network-error.js'
import type { ClientJSON } from '../wire/index.js'

/** What the choke point learnt from a failed response: the error, plus a client the server sent with it. */
export interface Failure {
  error: DialkitError
  client?: ClientJSON | undefined
}

/**
 * Turns anything a ky request can throw into a dialkit error through the one mapping in src/errors,
 * keeping the original as `cause`. Abort wins over everything: a caller who cancelled gets `aborted`.
 */
export async function mapFailure(thrown: unknown, url: string, signal: AbortSignal | undefined): Promise<Failure> {
  if (thrown instanceof HTTPError) {
    // An error page whose body cannot even be read is still an API error with a status.
    const body = parseObject(await thrown.response.text().catch(() => ''))
    // The mapping is a lazy chunk (see there); one that cannot be fetched leaves a NetworkError, and the
    // client the body carried still reaches the store.
    const error = await import('../errors/map-response.js').then(
      (lazy) => lazy.toApiResponseError(thrown.response, body, thrown),
      (cause: unknown) => toNetworkError(cause, url),
    )
    return { error, client: pickClient(body) }
  }
  if (isDialkitError(thrown)) return { error: thrown }
  const aborted = signal?.aborted || (thrown as Error | null)?.name == 'AbortError'
  return { error: toNetworkError(thrown, url, aborted, thrown instanceof TimeoutError) }
}

/**
 * The piggybacked client of a body, success or error: `client`, or `meta.client` as clerk-js also accepts.
 * Anything but `null`/absent goes to the store, whose resources refuse what is not a client (a number, a
 * string) as `json_invalid`, so a damaged one is `malformed_response`, never silently dropped.
 */
export function pickClient(body: { client?: unknown; meta?: unknown } | undefined): ClientJSON | undefined {
  return (body?.client ?? (body?.meta as { client?: unknown } | undefined)?.client ?? undefined) as ClientJSON | undefined
}
