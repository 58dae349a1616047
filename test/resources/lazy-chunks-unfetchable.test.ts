import { describe, expect, it, vi } from 'vitest'
import { createClient, isNetworkError } from '../../src/index.js'
import { fakeFetch, jsonResponse } from '../support/fake-fetch.js'
import { clientJSON, envelope, errorsJSON, phoneJSON, userJSON } from './fixtures.js'

// A lazy chunk that cannot be fetched (offline, a deploy that removed it) must still end in a dialkit error,
// with the store as consistent as after any other failure. The chunks are mocked for the whole file (hoisted
// vi.mock): a per-test vi.doMock after vi.resetModules did not always reach the dynamic import, so the test
// sometimes loaded the real chunk.
vi.mock('../../src/errors/map-response.js', () => {
  throw new TypeError('Failed to fetch dynamically imported module')
})
vi.mock('../../src/resources/session-lazy.js', () => {
  throw new TypeError('Failed to fetch dynamically imported module')
})

function clientAnswering(respond: () => Response) {
  const fake = fakeFetch(respond)
  const client = createClient({ frontendApi: 'http://localhost:4010', fetch: fake.fetch, authMode: 'header' })
  return { client, sent: fake.sent }
}

describe('a lazy chunk that cannot be fetched', () => {
  it('(the error mapping) leaves a NetworkError, and the client the error body carried reaches the store', async () => {
    const body = { ...errorsJSON('form_code_incorrect', 'code'), client: clientJSON(userJSON([phoneJSON()])) }
    const { client } = clientAnswering(() => jsonResponse(422, body))
    const error = await client.load().catch((e: unknown) => e)
    expect(isNetworkError(error)).toBe(true)
    expect(error).toMatchObject({ reason: 'failed', cause: expect.anything() })
    expect(client.store.get().status).toBe('signed-in')
  })

  it('(sign-in, sign-out, session token) is a NetworkError naming the Frontend API, and nothing is sent', async () => {
    const { client, sent } = clientAnswering(() => jsonResponse(200, envelope(clientJSON(userJSON([phoneJSON()])))))
    await client.load()
    sent.length = 0
    for (const operation of [() => client.signOut(), () => client.signIn({ ticket: 't' }), () => client.session!.getToken()]) {
      const error = await operation().catch((e: unknown) => e)
      expect(isNetworkError(error)).toBe(true)
      expect(error).toMatchObject({ reason: 'failed', url: 'http://localhost:4010' })
    }
    expect(sent).toHaveLength(0)
    expect(client.store.get().status).toBe('signed-in')
  })
})
