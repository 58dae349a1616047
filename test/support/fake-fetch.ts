// The one fake network for unit tests: the SDK and the backend client are faked only here, through their `fetch` option.
import { vi } from 'vitest'

/** What a client sent, decoded for assertions. */
export interface SentRequest {
  method: string
  url: URL
  path: string
  query: Record<string, string>
  headers: Headers
  /** A form-urlencoded body (the Frontend API's), decoded; null when the body is not a form. */
  body: Record<string, string> | null
  /** A JSON body (the Backend API's), parsed; undefined when the body is not JSON. */
  json: unknown
  contentType: string | null
  authorization: string | null
  credentials: RequestCredentials
}

export type Handler = (request: SentRequest, raw: Request) => Response | Promise<Response>

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })
}

/**
 * A fetch that records every request and answers with `handler`, or with queued responses in order.
 * It is a `vi.fn`, so a test can also read its raw calls or swap its implementation.
 */
export function fakeFetch(handler: Handler | Array<Response | Error>) {
  const sent: SentRequest[] = []
  const queue = Array.isArray(handler) ? [...handler] : undefined
  const fetch = vi.fn<typeof globalThis.fetch>(async (input, init) => {
    const raw = input instanceof Request ? input : new Request(input, init)
    const request = await decode(raw)
    sent.push(request)
    if (queue) {
      const next = queue.shift()
      if (!next) throw new Error(`unexpected request ${request.method} ${request.path}`)
      if (next instanceof Error) throw next
      return next
    }
    return (handler as Handler)(request, raw)
  })
  return { fetch, sent }
}

async function decode(raw: Request): Promise<SentRequest> {
  const url = new URL(raw.url)
  const text = raw.method === 'GET' || raw.method === 'HEAD' ? '' : await raw.clone().text()
  const contentType = raw.headers.get('content-type')
  const isJSON = contentType?.startsWith('application/json') ?? false
  return {
    method: raw.method,
    url,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: raw.headers,
    body: text && !isJSON ? Object.fromEntries(new URLSearchParams(text)) : null,
    json: text && isJSON ? (JSON.parse(text) as unknown) : undefined,
    contentType,
    authorization: raw.headers.get('authorization'),
    credentials: raw.credentials,
  }
}

/** A fetch that never answers until its request is aborted, like a dead connection. */
export function hangingFetch(): typeof globalThis.fetch {
  return ((input: RequestInfo | URL, init?: RequestInit) =>
    new Promise((_, reject) => {
      const signal = input instanceof Request ? input.signal : init?.signal
      if (signal?.aborted) reject(signal.reason)
      signal?.addEventListener('abort', () => reject(signal.reason ?? new DOMException('aborted', 'AbortError')))
    })) as typeof globalThis.fetch
}
