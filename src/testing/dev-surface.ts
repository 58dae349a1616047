import type { Emulator, SmsMessage } from 'dialkit/emulator'
import { NetworkError } from '../errors/network-error.js'

/**
 * What the kit reads and moves besides the two APIs: the SMS outbox and the clock. An emulator started by the
 * kit is reached in process (a new SMS is pushed to a listener, nothing polls); one started elsewhere (`npx
 * dialkit-emulator`, a dev server's) through its `/__dev` HTTP surface.
 */
export interface DevSurface {
  /** Every SMS kept, newest first. */
  messages(): Promise<SmsMessage[]>
  /** Calls `listener` on every new SMS, when the surface can push; returns the unsubscribe function. */
  subscribe?(listener: (message: SmsMessage) => void): () => void
  clearMessages(): Promise<void>
  now(): Promise<number>
  advance(ms: number): Promise<number>
  set(ms: number): Promise<number>
}

/** The in-process surface of an emulator this kit started. */
export function inProcessSurface(emulator: Emulator): DevSurface {
  return {
    messages: async () => emulator.outbox.list(),
    subscribe: (listener) => emulator.outbox.onMessage(listener),
    clearMessages: async () => emulator.outbox.clear(),
    now: async () => emulator.clock.now(),
    advance: async (ms) => emulator.clock.advance(ms),
    set: async (ms) => emulator.clock.set(ms),
  }
}

interface SmsJSON {
  id: string
  to: string
  body: string
  code: string
  purpose: SmsMessage['purpose']
  created_at: number
}

/** The `/__dev` HTTP surface of an emulator running elsewhere (or behind a dev server's proxy). */
export function httpSurface(baseUrl: string, fetchImpl: typeof fetch = fetch): DevSurface {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = `${baseUrl}/__dev/${path}`
    let response: Response
    try {
      const init = body === undefined ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
      response = await fetchImpl(url, init)
    } catch (cause) {
      throw new NetworkError('failed', `dialkit/testing: cannot reach ${url}; is the emulator running there?`, { cause, url })
    }
    if (!response.ok) {
      throw new NetworkError('malformed_response', `dialkit/testing: ${method} ${url} answered ${response.status}; is this a dialkit emulator?`, { url })
    }
    try {
      return (await response.json()) as T
    } catch (cause) {
      throw new NetworkError('malformed_response', `dialkit/testing: ${method} ${url} did not answer JSON; is this a dialkit emulator?`, { cause, url })
    }
  }
  const fromJSON = (sms: SmsJSON): SmsMessage => ({ id: sms.id, to: sms.to, body: sms.body, code: sms.code, purpose: sms.purpose, createdAt: sms.created_at })
  return {
    messages: async () => (await call<{ data: SmsJSON[] }>('GET', 'sms')).data.map(fromJSON),
    clearMessages: async () => void (await call('DELETE', 'sms')),
    now: async () => (await call<{ now: number }>('GET', 'clock')).now,
    advance: async (ms) => (await call<{ now: number }>('POST', 'clock', { advance_ms: ms })).now,
    set: async (ms) => (await call<{ now: number }>('POST', 'clock', { now: ms })).now,
  }
}
