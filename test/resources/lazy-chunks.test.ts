import { afterEach, describe, expect, it, vi } from 'vitest'
import type { DialkitClient } from '../../src/index.js'
import { fakeFetch, jsonResponse } from '../support/fake-fetch.js'
import { clientJSON, envelope, errorsJSON, phoneJSON, userJSON } from './fixtures.js'

// Code an add-and-verify page does not need arrives on first use (src/errors/map-response.ts; signIn and
// signOut's and session.getToken's src/resources/session-lazy.ts). A chunk that cannot be fetched (offline, a deploy that
// removed it) must still end in a dialkit error, with the store as consistent as after any other failure.
afterEach(() => {
  vi.doUnmock('../../src/resources/session-lazy.js')
  vi.doUnmock('../../src/errors/map-response.js')
  vi.resetModules()
})

async function freshClient(respond: () => Response) {
  vi.resetModules()
  const dialkit = await import('../../src/index.js')
  const fake = fakeFetch(respond)
  const client: DialkitClient = dialkit.createClient({ frontendApi: 'http://localhost:4010', fetch: fake.fetch, authMode: 'header' })
  return { dialkit, client, sent: fake.sent }
}

const unfetchable = () => {
  throw new TypeError('Failed to fetch dynamically imported module')
}

describe('the error mapping chunk', () => {
  it('maps an error answer to an ApiResponseError on first use', async () => {
    const { dialkit, client } = await freshClient(() => jsonResponse(422, errorsJSON('form_code_incorrect', 'code')))
    const error = await client.load().catch((e: unknown) => e)
    expect(dialkit.isApiResponseError(error)).toBe(true)
    expect(error).toMatchObject({ status: 422, code: 'form_code_incorrect', paramName: 'code' })
  })

  it('that cannot be fetched leaves a NetworkError, and the client the error body carried reaches the store', async () => {
    vi.doMock('../../src/errors/map-response.js', unfetchable)
    const body = { ...errorsJSON('form_code_incorrect', 'code'), client: clientJSON(userJSON([phoneJSON()])) }
    const { dialkit, client } = await freshClient(() => jsonResponse(422, body))
    const error = await client.load().catch((e: unknown) => e)
    expect(dialkit.isNetworkError(error)).toBe(true)
    expect(error).toMatchObject({ reason: 'failed', cause: expect.anything() })
    expect(client.store.get().status).toBe('signed-in')
  })
})

describe('the sign-in, sign-out and session-token chunk', () => {
  it('that cannot be fetched is a NetworkError naming the Frontend API, and nothing is sent', async () => {
    vi.doMock('../../src/resources/session-lazy.js', unfetchable)
    const { dialkit, client, sent } = await freshClient(() => jsonResponse(200, envelope(clientJSON(userJSON([phoneJSON()])))))
    await client.load()
    sent.length = 0
    for (const operation of [() => client.signOut(), () => client.signIn({ ticket: 't' }), () => client.session!.getToken()]) {
      const error = await operation().catch((e: unknown) => e)
      expect(dialkit.isNetworkError(error)).toBe(true)
      expect(error).toMatchObject({ reason: 'failed', url: 'http://localhost:4010' })
    }
    expect(sent).toHaveLength(0)
    expect(client.store.get().status).toBe('signed-in')
  })
})
