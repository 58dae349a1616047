import { describe, expect, it } from 'vitest'
import { createClient, isApiResponseError } from '../../src/index.js'
import { fakeFetch, jsonResponse } from '../support/fake-fetch.js'
import { errorsJSON } from './fixtures.js'

// Code an add-and-verify page does not need arrives on first use (src/errors/map-response.ts; signIn and
// signOut's and session.getToken's src/resources/session-lazy.ts). What happens when such a chunk cannot be
// fetched is in lazy-chunks-unfetchable.test.ts.
describe('the error mapping chunk', () => {
  it('maps an error answer to an ApiResponseError on first use', async () => {
    const fake = fakeFetch(() => jsonResponse(422, errorsJSON('form_code_incorrect', 'code')))
    const client = createClient({ frontendApi: 'http://localhost:4010', fetch: fake.fetch, authMode: 'header' })
    const error = await client.load().catch((e: unknown) => e)
    expect(isApiResponseError(error)).toBe(true)
    expect(error).toMatchObject({ status: 422, code: 'form_code_incorrect', paramName: 'code' })
  })
})
