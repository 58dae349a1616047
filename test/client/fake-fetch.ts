// The network is faked only here, through createClient's `fetch` option.

/** What the SDK sent, decoded for assertions. */
export interface SentRequest {
  method: string
  path: string
  query: Record<string, string>
  body: Record<string, string> | null
  contentType: string | null
  authorization: string | null
  credentials: RequestCredentials
}

export type Handler = (request: SentRequest, raw: Request) => Response | Promise<Response>

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })
}

/** A fetch that records every request and answers with `handler`, or with queued responses in order. */
export function fakeFetch(handler: Handler | Array<Response | Error>) {
  const sent: SentRequest[] = []
  const queue = Array.isArray(handler) ? [...handler] : undefined
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
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
  }
  return { fetch: fetch as typeof globalThis.fetch, sent }
}

async function decode(raw: Request): Promise<SentRequest> {
  const url = new URL(raw.url)
  const text = raw.method === 'GET' ? '' : await raw.clone().text()
  return {
    method: raw.method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    body: text ? Object.fromEntries(new URLSearchParams(text)) : null,
    contentType: raw.headers.get('content-type'),
    authorization: raw.headers.get('authorization'),
    credentials: raw.credentials,
  }
}

/** A fetch that never answers until its request is aborted, like a dead connection. */
export function hangingFetch(): typeof globalThis.fetch {
  return ((input: RequestInfo | URL) =>
    new Promise((_, reject) => {
      const signal = input instanceof Request ? input.signal : undefined
      if (signal?.aborted) reject(signal.reason)
      signal?.addEventListener('abort', () => reject(signal.reason ?? new DOMException('aborted', 'AbortError')))
    })) as typeof globalThis.fetch
}
