import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SDK_VERSION } from '../../src/client/version.js'
import { ClientResource, DialkitError, Session, ValidationError, createClient } from '../../src/index.js'
import { signedIn } from '../resources/harness.js'
import { clientJSON, envelope, errorsJSON, sessionJSON, signInJSON, userJSON } from '../resources/fixtures.js'
import { fakeFetch, jsonResponse } from '../support/fake-fetch.js'

const URL_OPTS = { frontendApi: 'http://localhost:4010' }

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('createClient options', () => {
  it('takes the Frontend API from a publishable key', () => {
    expect(createClient({ publishableKey: `pk_test_${btoa('localhost:4010$')}` }).frontendApi).toBe('http://localhost:4010')
  })

  it.each([
    [{ publishableKey: 'pk_test_garbage' }, 'publishable_key_invalid'],
    [{ ...URL_OPTS, publishableKey: 'pk_test_garbage' }, 'publishable_key_invalid'],
    [{}, 'config_invalid'],
    [{ ...URL_OPTS, authMode: 'jwt' }, 'config_invalid'],
    [{ ...URL_OPTS, timeout: 0 }, 'config_invalid'],
    [{ ...URL_OPTS, retry: -1 }, 'config_invalid'],
    [{ ...URL_OPTS, fetch: 'nope' }, 'config_invalid'],
  ])('refuses %j with %s at creation time', (options, code) => {
    expect(() => createClient(options as never)).toThrow(ValidationError)
    expect(() => createClient(options as never)).toThrow(expect.objectContaining({ code }))
  })

  it.each([
    [{ frontendApi: 4010 }, 'frontend_api'],
    [{ frontendApi: { host: 'localhost:4010' } }, 'frontend_api'],
    [{ publishableKey: 42 }, 'publishable_key'],
    [{ publishableKey: null }, 'publishable_key'],
    [{ ...URL_OPTS, authMode: null }, 'auth_mode'],
    [{ ...URL_OPTS, timeout: '5000' }, 'timeout'],
    [{ ...URL_OPTS, timeout: Number.NaN }, 'timeout'],
    [{ ...URL_OPTS, retry: '2' }, 'retry'],
    [{ ...URL_OPTS, fetch: null }, 'fetch'],
  ])('refuses the non-string or mistyped option %j with a ValidationError naming %s', (options, paramName) => {
    const error = (() => {
      try {
        createClient(options as never)
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(ValidationError)
    expect(error).toMatchObject({ paramName })
  })

  it.each([null, 'http://localhost:4010', 42])('refuses options that are not an object (%j)', (options) => {
    expect(() => createClient(options as never)).toThrow(ValidationError)
  })

  it('takes frontendApi as a URL object too', () => {
    expect(createClient({ frontendApi: new URL('http://localhost:4010/') }).frontendApi).toBe('http://localhost:4010')
    expect(createClient({ frontendApi: new URL('https://app.example.com/__clerk') }).frontendApi).toBe('https://app.example.com/__clerk')
  })

  it('lets frontendApi override the key\'s host, e.g. for a proxy', () => {
    const key = `pk_live_${btoa('clerk.example.com$')}`
    expect(createClient({ publishableKey: key, frontendApi: 'https://app.example.com/__clerk' }).frontendApi).toBe('https://app.example.com/__clerk')
  })

  it('sends our package version as _clerk_js_version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
    expect(SDK_VERSION).toBe(pkg.version)
  })
})

describe('client.load', () => {
  it('GETs /v1/client with cookies in a page, fills the store and emits client:updated', async () => {
    vi.stubGlobal('document', {})
    const fake = fakeFetch([jsonResponse(200, envelope(clientJSON()))])
    const client = createClient({ ...URL_OPTS, fetch: fake.fetch })
    const events: unknown[] = []
    client.on('client:updated', (state) => events.push(state))
    expect(client.store.get()).toEqual({ status: 'unloaded', client: null, session: null, user: null })

    const loaded = await client.load()

    expect(fake.sent[0]).toMatchObject({ method: 'GET', path: '/v1/client', credentials: 'include', body: null })
    expect(fake.sent[0]?.query).toEqual({ __clerk_api_version: '2026-05-12', _clerk_js_version: SDK_VERSION })
    expect(loaded).toBeInstanceOf(ClientResource)
    const state = client.store.get()
    expect(state).toMatchObject({ status: 'signed-in', client: loaded, session: { id: 'sess_1' }, user: { id: 'user_1' } })
    expect(Object.isFrozen(state)).toBe(true)
    expect(client.user).toBe(state.user)
    expect(events).toEqual([loaded])
  })

  it('is signed out when the client has no active session, or no client at all', async () => {
    const fake = fakeFetch([jsonResponse(200, envelope(clientJSON(null))), jsonResponse(200, envelope(null))])
    const client = createClient({ ...URL_OPTS, fetch: fake.fetch })
    await client.load()
    expect(client.store.get()).toMatchObject({ status: 'signed-out', session: null, user: null })
    expect(await client.load()).toBeNull()
    expect(client.store.get()).toMatchObject({ status: 'signed-out', client: null })
  })

  it('defaults to header auth outside a page, where no cookie jar would keep the session', async () => {
    expect(typeof document).toBe('undefined')
    const fake = fakeFetch([
      jsonResponse(200, envelope(clientJSON(null))),
      jsonResponse(200, envelope(signInJSON(), clientJSON()), { authorization: 'client_token_1' }),
      jsonResponse(200, envelope(clientJSON())),
    ])
    const client = createClient({ ...URL_OPTS, fetch: fake.fetch })
    await client.load()
    await client.signIn({ ticket: 'tok' })
    await client.load()
    expect(fake.sent.map((sent) => [sent.credentials, sent.query._is_native, sent.authorization])).toEqual([
      ['omit', '1', null],
      ['omit', '1', null],
      ['omit', '1', 'client_token_1'],
    ])
  })

  it('leaves the store unchanged when loading fails, after its retries', async () => {
    const h = await signedIn()
    h.reply(() => jsonResponse(500, errorsJSON('internal_error')))
    const before = h.client.store.get()
    vi.useFakeTimers()
    const failed = expect(h.client.load({ signal: undefined })).rejects.toMatchObject({ name: 'ApiResponseError', status: 500 })
    // The second retry waits 700 ms of back-off: faked, not slept.
    await vi.advanceTimersByTimeAsync(700)
    await failed
    expect(h.sent).toHaveLength(3)
    expect(h.client.store.get()).toBe(before)
    expect(h.events).toEqual([])
  })
})

describe('client.signIn', () => {
  it('POSTs the ticket, stores the new session and emits session:created', async () => {
    const fake = fakeFetch([
      jsonResponse(200, envelope(clientJSON(null))),
      jsonResponse(200, envelope(signInJSON(), clientJSON())),
    ])
    const client = createClient({ ...URL_OPTS, fetch: fake.fetch })
    await client.load()
    const created: Session[] = []
    client.on('session:created', (session) => created.push(session))

    const session = await client.signIn({ ticket: 'tok' })

    expect(fake.sent[1]).toMatchObject({ method: 'POST', path: '/v1/client/sign_ins', body: { strategy: 'ticket', ticket: 'tok' } })
    expect(fake.sent[1]?.query._clerk_session_id).toBeUndefined()
    expect(session).toBeInstanceOf(Session)
    expect(session).toMatchObject({ id: 'sess_1', status: 'active' })
    expect(client.store.get().status).toBe('signed-in')
    expect(created).toEqual([session])
  })

  it('refuses an empty ticket without sending anything', async () => {
    const fake = fakeFetch([])
    const client = createClient({ ...URL_OPTS, fetch: fake.fetch })
    await expect(client.signIn({ ticket: ' ' })).rejects.toMatchObject({ name: 'ValidationError', paramName: 'ticket' })
    expect(fake.sent).toHaveLength(0)
  })

  it('rejects with a DialkitError when the sign-in needs another step', async () => {
    const fake = fakeFetch([jsonResponse(200, envelope(signInJSON({ status: 'needs_second_factor' }), clientJSON(null)))])
    const client = createClient({ ...URL_OPTS, fetch: fake.fetch })
    await expect(client.signIn({ ticket: 'tok' })).rejects.toBeInstanceOf(DialkitError)
  })

  it('passes on a 4xx as ApiResponseError', async () => {
    const fake = fakeFetch([jsonResponse(422, errorsJSON('form_param_format_invalid', 'ticket'))])
    const client = createClient({ ...URL_OPTS, fetch: fake.fetch })
    await expect(client.signIn({ ticket: 'tok' })).rejects.toMatchObject({ status: 422, paramName: 'ticket' })
  })
})

describe('client.signOut', () => {
  it('removes the active session and emits session:removed', async () => {
    const h = await signedIn()
    h.reply(() => jsonResponse(200, envelope(sessionJSON(userJSON(), { status: 'removed' }), clientJSON(null))))
    await h.client.signOut()
    expect(h.sent[0]).toMatchObject({ method: 'POST', path: '/v1/client/sessions/sess_1/remove' })
    expect(h.sent[0]?.query._clerk_session_id).toBeUndefined()
    expect(h.client.store.get()).toMatchObject({ status: 'signed-out', user: null })
    expect(h.events.map(([name]) => name)).toEqual(['session:removed'])
    expect(h.events[0]?.[1]).toMatchObject({ id: 'sess_1', status: 'removed' })
  })

  it('does nothing when nobody is signed in', async () => {
    const fake = fakeFetch([])
    await createClient({ ...URL_OPTS, fetch: fake.fetch }).signOut()
    expect(fake.sent).toHaveLength(0)
  })
})

describe('client.on', () => {
  it('returns an unsubscribe function', async () => {
    const fake = fakeFetch([jsonResponse(200, envelope(clientJSON())), jsonResponse(200, envelope(clientJSON()))])
    const client = createClient({ ...URL_OPTS, fetch: fake.fetch })
    let calls = 0
    const off = client.on('client:updated', () => calls++)
    await client.load()
    off()
    await client.load()
    expect(calls).toBe(1)
  })
})
