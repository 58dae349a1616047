import { describe, expect, it } from 'vitest'
import { ApiResponseError, NetworkError, createClient } from '../../src/index.js'
import { contextOf } from '../../src/resources/context.js'
import { clientJSON, envelope, errorsJSON } from '../resources/fixtures.js'
import { fakeFetch, jsonResponse, type SentRequest } from '../support/fake-fetch.js'

const FAPI = 'http://localhost:4010'
const keyFor = (host: string, kind = 'test') => `pk_${kind}_${btoa(`${host}$`)}`
/** A development key of a Clerk-hosted development instance, with its calls sent to a local proxy. */
const DEV = { publishableKey: keyFor('happy-otter-12.clerk.accounts.dev'), frontendApi: FAPI, authMode: 'cookie', crossTab: false } as const

/** A Frontend API that hands out dev browsers `dvb_1`, `dvb_2`, ... and answers every other call with a client. */
function devInstance(answer: (request: SentRequest) => Response = () => jsonResponse(200, envelope(clientJSON(null)))) {
  let issued = 0
  return fakeFetch((request) => (request.path === '/v1/dev_browser' ? jsonResponse(200, { object: 'dev_browser', id: `dvb_${++issued}` }) : answer(request)))
}

const calls = (sent: SentRequest[]) => sent.map((request) => `${request.method} ${request.path} ${request.query.__clerk_db_jwt ?? '-'}`)

describe('the dev-browser handshake', () => {
  it('obtains one dev browser before the first call, for concurrent calls too, and sends it on every call', async () => {
    const fake = devInstance()
    const client = createClient({ ...DEV, fetch: fake.fetch })
    await Promise.all([client.load(), client.load()])
    await client.load()
    expect(calls(fake.sent)).toEqual(['POST /v1/dev_browser -', 'GET /v1/client dvb_1', 'GET /v1/client dvb_1', 'GET /v1/client dvb_1'])
    expect(fake.sent[0]?.query).toMatchObject({ __clerk_api_version: '2026-05-12', _clerk_js_version: '0.1.0' })
    expect(fake.sent.every((request) => request.credentials === 'include')).toBe(true)
  })

  it.each([
    ['a production key of the same host', { publishableKey: keyFor('happy-otter-12.clerk.accounts.dev', 'live'), frontendApi: FAPI }],
    ['a development key of a local host', { publishableKey: keyFor('localhost:4010') }],
    ['a development key of a custom domain', { publishableKey: keyFor('clerk.example.com'), frontendApi: FAPI }],
    ['a bare frontendApi', { frontendApi: FAPI }],
    ['header auth', { ...DEV, authMode: 'header' }],
  ])('stays off for %s', async (_name, options) => {
    const fake = devInstance()
    await createClient({ authMode: 'cookie', crossTab: false, ...options, fetch: fake.fetch } as never).load()
    expect(calls(fake.sent)).toEqual(['GET /v1/client -'])
  })

  it('runs for a development key of a legacy *.lcl.dev instance', async () => {
    const fake = devInstance()
    await createClient({ ...DEV, publishableKey: keyFor('clerk.happy.otter-12.lcl.dev'), fetch: fake.fetch }).load()
    expect(calls(fake.sent)).toEqual(['POST /v1/dev_browser -', 'GET /v1/client dvb_1'])
  })

  it('takes a new JWT from a Clerk-Db-Jwt response header', async () => {
    let refreshed = false
    const fake = devInstance(() => {
      const headers: Record<string, string> = refreshed ? {} : { 'Clerk-Db-Jwt': 'dvb_refreshed' }
      refreshed = true
      return jsonResponse(200, envelope(clientJSON(null)), headers)
    })
    const client = createClient({ ...DEV, fetch: fake.fetch })
    await client.load()
    await client.load()
    expect(calls(fake.sent)).toEqual(['POST /v1/dev_browser -', 'GET /v1/client dvb_1', 'GET /v1/client dvb_refreshed'])
  })

  it('drops the dev browser on 401 dev_browser_unauthenticated, so the next call starts a new one', async () => {
    const fake = devInstance((request) =>
      request.query.__clerk_db_jwt === 'dvb_1' ? jsonResponse(401, errorsJSON('dev_browser_unauthenticated')) : jsonResponse(200, envelope(clientJSON(null))),
    )
    const client = createClient({ ...DEV, fetch: fake.fetch })
    const error = await client.load().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ApiResponseError)
    expect(error).toMatchObject({ status: 401, code: 'dev_browser_unauthenticated' })
    expect(client.store.get().status).toBe('unloaded')
    await client.load()
    expect(calls(fake.sent)).toEqual(['POST /v1/dev_browser -', 'GET /v1/client dvb_1', 'POST /v1/dev_browser -', 'GET /v1/client dvb_2'])
    expect(client.store.get().status).toBe('signed-out')
  })

  it('keeps the dev browser on any other 401', async () => {
    const fake = devInstance((request) => (request.path === '/v1/me' ? jsonResponse(401, errorsJSON('authentication_invalid')) : jsonResponse(200, envelope(clientJSON(null)))))
    const client = createClient({ ...DEV, fetch: fake.fetch })
    await expect(contextOf(client).request({ method: 'GET', path: '/me' })).rejects.toMatchObject({ code: 'authentication_invalid' })
    await client.load()
    expect(calls(fake.sent)).toEqual(['POST /v1/dev_browser -', 'GET /v1/me dvb_1', 'GET /v1/client dvb_1'])
  })

  it('fails the call with the typed error when the handshake is refused, and tries again on the next one', async () => {
    let refusals = 1
    const fake = fakeFetch((request) => {
      if (request.path !== '/v1/dev_browser') return jsonResponse(200, envelope(clientJSON(null)))
      return refusals-- > 0 ? jsonResponse(403, errorsJSON('origin_invalid')) : jsonResponse(200, { object: 'dev_browser', id: 'dvb_ok' })
    })
    const client = createClient({ ...DEV, fetch: fake.fetch })
    await expect(client.load()).rejects.toMatchObject({ name: 'ApiResponseError', status: 403, code: 'origin_invalid' })
    await client.load()
    expect(calls(fake.sent)).toEqual(['POST /v1/dev_browser -', 'POST /v1/dev_browser -', 'GET /v1/client dvb_ok'])
  })

  it('gives NetworkError malformed_response for a handshake answer without a JWT', async () => {
    const fake = fakeFetch([jsonResponse(200, { object: 'dev_browser' })])
    const error = await createClient({ ...DEV, fetch: fake.fetch })
      .load()
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(NetworkError)
    expect(error).toMatchObject({ reason: 'malformed_response' })
    expect(fake.sent).toHaveLength(1)
  })
})
