import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiResponseError, NetworkError, Session, ValidationError } from '../../src/index.js'
import { createEmitter } from '../../src/events.js'
import { contextOf, createContext } from '../../src/resources/context.js'
import type { SessionConstructor } from '../../src/resources/session.js'
import { TOKEN_REFRESH_LEEWAY_MS } from '../../src/resources/session-token.js'
import { jsonResponse, type SentRequest } from '../support/fake-fetch.js'
import { clientJSON, envelope, errorsJSON, NOW, sessionJSON, userJSON } from './fixtures.js'
import { signedIn } from './harness.js'

const TOKENS_PATH = '/v1/client/sessions/sess_1/tokens'

/** A compact JWT as Clerk's Frontend API hands it out; only the payload matters to the SDK (it verifies nothing). */
function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${part({ alg: 'RS256', kid: 'ins_1', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`
}

/** Answers token requests with `token-1`, `token-2`, ... (each living 60 s, on a server clock far from the device's). */
function tokenServer() {
  let issued = 0
  const handler = (request: SentRequest) => {
    if (request.path !== TOKENS_PATH) return jsonResponse(404, errorsJSON('resource_not_found'))
    issued++
    const iat = 2_000_000_000 + issued
    return jsonResponse(200, { object: 'token', jwt: jwt({ sid: 'sess_1', sub: 'user_1', iat, exp: iat + 60, n: issued }) })
  }
  return { handler, issued: () => issued }
}

const nthToken = (token: string | null) => JSON.parse(Buffer.from(token!.split('.')[1]!, 'base64url').toString()).n as number

beforeEach(() => {
  // Only Date: ky's own timers stay real, so requests settle; the cache reads Date.now().
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
})
afterEach(() => {
  vi.useRealTimers()
})

describe('client.session', () => {
  it('is the active session and follows the store', async () => {
    const h = await signedIn()
    expect(h.client.session).toBe(h.client.store.get().session)
    expect(h.client.session?.id).toBe('sess_1')
    h.reply(() => jsonResponse(200, envelope(clientJSON(null))))
    await h.client.load()
    expect(h.client.session).toBeNull()
  })
})

describe('session.getToken', () => {
  it('asks POST /v1/client/sessions/{id}/tokens and resolves to the jwt, emitting nothing', async () => {
    const h = await signedIn()
    const server = tokenServer()
    h.reply(server.handler)
    const token = await h.client.session!.getToken()
    expect(nthToken(token)).toBe(1)
    expect(h.sent).toHaveLength(1)
    expect(h.sent[0]).toMatchObject({ method: 'POST', path: TOKENS_PATH, body: null })
    expect(h.sent[0]!.query).not.toHaveProperty('_clerk_session_id')
    expect(h.events).toEqual([])
    expect(h.states).toEqual([])
  })

  it('hands out the cached token until shortly before it expires, on the device clock', async () => {
    const h = await signedIn()
    const server = tokenServer()
    h.reply(server.handler)
    const session = h.client.session!
    const first = await session.getToken()
    vi.setSystemTime(NOW + 60_000 - TOKEN_REFRESH_LEEWAY_MS - 1)
    expect(await session.getToken()).toBe(first)
    // Another instance of the same session (a newer store snapshot) shares the cache.
    expect(await Session.fromJSON(session.toJSON(), h.client).getToken()).toBe(first)
    expect(server.issued()).toBe(1)
    vi.setSystemTime(NOW + 60_000 - TOKEN_REFRESH_LEEWAY_MS)
    expect(nthToken(await session.getToken())).toBe(2)
    expect(server.issued()).toBe(2)
  })

  it('asks again with skipCache: true, and caches the new token', async () => {
    const h = await signedIn()
    const server = tokenServer()
    h.reply(server.handler)
    const session = h.client.session!
    await session.getToken()
    const fresh = await session.getToken({ skipCache: true })
    expect(nthToken(fresh)).toBe(2)
    expect(await session.getToken()).toBe(fresh)
    expect(server.issued()).toBe(2)
  })

  it('sends one request for concurrent callers', async () => {
    const h = await signedIn()
    const server = tokenServer()
    let answer!: () => void
    h.reply((request) => new Promise((resolve) => (answer = () => resolve(server.handler(request)))))
    const session = h.client.session!
    const calls = [session.getToken(), session.getToken(), session.getToken({ skipCache: true })]
    await expect.poll(() => h.sent.length).toBe(1)
    answer()
    const tokens = await Promise.all(calls)
    expect(new Set(tokens).size).toBe(1)
    expect(server.issued()).toBe(1)
    expect(contextOf(h.client).inFlight.size).toBe(0)
  })

  it('resolves to null when signed out, and for a session that is no longer the active one', async () => {
    const h = await signedIn()
    const server = tokenServer()
    const stale = h.client.session!
    h.reply(server.handler)
    await stale.getToken()
    h.reply(() => jsonResponse(200, envelope(clientJSON(null))))
    await h.client.load()
    h.reply(server.handler)
    expect(h.client.session).toBeNull()
    expect(await h.client.session?.getToken()).toBeUndefined()
    expect(await stale.getToken()).toBeNull()
    expect(server.issued()).toBe(1)
  })

  it('drops the cache when the active session changes (signed in again as another session)', async () => {
    const h = await signedIn()
    const server = tokenServer()
    h.reply(server.handler)
    await h.client.session!.getToken()
    const other = clientJSON(null, { sessions: [sessionJSON(userJSON(), { id: 'sess_2' })], last_active_session_id: 'sess_2' })
    h.reply(() => jsonResponse(200, envelope(other)))
    await h.client.load()
    let asked = 0
    h.reply(() => (asked++, jsonResponse(200, { object: 'token', jwt: jwt({ sid: 'sess_2', iat: 1, exp: 61 }) })))
    await h.client.session!.getToken()
    expect(h.sent.at(-1)!.path).toBe('/v1/client/sessions/sess_2/tokens')
    // Back to the first session: its old token was dropped with the change, so it is asked for anew.
    h.reply(() => jsonResponse(200, envelope(clientJSON())))
    await h.client.load()
    h.reply(server.handler)
    expect(nthToken(await h.client.session!.getToken())).toBe(2)
    expect(asked).toBe(1)
  })

  it('neither caches nor returns a token whose answer arrives after a sign-out', async () => {
    const h = await signedIn()
    const server = tokenServer()
    let answer!: () => void
    h.reply((request) =>
      request.path === TOKENS_PATH
        ? new Promise((resolve) => (answer = () => resolve(server.handler(request))))
        : jsonResponse(200, envelope(clientJSON(null))),
    )
    const session = h.client.session!
    const pending = session.getToken()
    await expect.poll(() => h.sent.length).toBe(1)
    await h.client.load()
    answer()
    expect(await pending).toBeNull()
    h.reply(() => jsonResponse(200, envelope(clientJSON())))
    await h.client.load()
    h.reply(server.handler)
    expect(nthToken(await h.client.session!.getToken())).toBe(2)
  })

  it.each([
    ['skipCache', { skipCache: 'yes' }, 'skip_cache'],
    ['signal', { signal: new AbortController() }, 'signal'],
    ['timeout', { timeout: 0 }, 'timeout'],
  ])('refuses a bad %s before sending anything, also when a token is cached', async (_name, options, paramName) => {
    const h = await signedIn()
    h.reply(tokenServer().handler)
    const session = h.client.session!
    const refused = [await session.getToken(options as never).catch((e: unknown) => e)]
    await session.getToken()
    refused.push(await session.getToken(options as never).catch((e: unknown) => e))
    for (const error of refused) {
      expect(error).toBeInstanceOf(ValidationError)
      expect(error).toMatchObject({ code: 'param_invalid', paramName })
    }
    expect(h.sent).toHaveLength(1)
  })

  it('rejects an already aborted call with NetworkError aborted, cached token or not', async () => {
    const h = await signedIn()
    h.reply(tokenServer().handler)
    const session = h.client.session!
    const signal = AbortSignal.abort()
    await expect(session.getToken({ signal })).rejects.toMatchObject({ name: 'NetworkError', reason: 'aborted' })
    await session.getToken()
    await expect(session.getToken({ signal })).rejects.toMatchObject({ name: 'NetworkError', reason: 'aborted' })
    expect(h.sent).toHaveLength(1)
  })

  it.each([
    ['no jwt', { object: 'token' }],
    ['a jwt that is not a string', { object: 'token', jwt: 42 }],
    ['a jwt that is not a JWT', { object: 'token', jwt: 'not-a-jwt' }],
    ['a jwt without exp', { object: 'token', jwt: jwt({ iat: 1 }) }],
  ])('turns an answer with %s into NetworkError malformed_response and caches nothing', async (_name, body) => {
    const h = await signedIn()
    h.reply(() => jsonResponse(200, body))
    const error = await h.client.session!.getToken().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NetworkError)
    expect(error).toMatchObject({ reason: 'malformed_response' })
    h.reply(tokenServer().handler)
    expect(nthToken(await h.client.session!.getToken())).toBe(1)
  })

  it('rejects with the server’s ApiResponseError and caches nothing', async () => {
    const h = await signedIn()
    h.reply(() => jsonResponse(404, errorsJSON('resource_not_found')))
    const error = await h.client.session!.getToken().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiResponseError)
    expect(error).toMatchObject({ status: 404, code: 'resource_not_found' })
    h.reply(tokenServer().handler)
    expect(nthToken(await h.client.session!.getToken())).toBe(1)
  })

  it('times out like every call, on the fake clock', async () => {
    const h = await signedIn()
    h.reply((_request, raw) => new Promise((_resolve, reject) => raw.signal.addEventListener('abort', () => reject(raw.signal.reason))))
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] })
    const pending = h.client.session!.getToken({ timeout: 5000 }).catch((error: unknown) => error)
    await vi.advanceTimersByTimeAsync(4999)
    expect(h.sent).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(await pending).toMatchObject({ name: 'NetworkError', reason: 'timeout' })
  })

  it('resolves to null for a session built on a hand-made context, which has no client to ask', async () => {
    const context = createContext(async () => null, createEmitter())
    await expect(new (Session as unknown as SessionConstructor)(sessionJSON(), context).getToken()).resolves.toBeNull()
  })
})
