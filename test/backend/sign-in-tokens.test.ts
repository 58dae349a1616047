import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../src/backend/index.js'
import { fakeBackend, signInTokenJSON } from './fixtures.js'
import { jsonResponse } from '../support/fake-fetch.js'

describe('signInTokens.createSignInToken', () => {
  it('posts the user id and lifetime and returns the token in camelCase', async () => {
    const { backend, sent } = fakeBackend(() => jsonResponse(200, signInTokenJSON()))
    const token = await backend.signInTokens.createSignInToken({ userId: 'user_1', expiresInSeconds: 300 })
    expect(sent[0]!.method).toBe('POST')
    expect(sent[0]!.url.pathname).toBe('/v1/sign_in_tokens')
    expect(sent[0]!.json).toEqual({ user_id: 'user_1', expires_in_seconds: 300 })
    expect(token).toEqual({
      id: 'sit_1',
      status: 'pending',
      userId: 'user_1',
      token: 'tok_secret',
      url: 'http://localhost:4010/v1/tickets/accept?ticket=tok_secret',
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
    })
  })

  it('leaves the lifetime to the server when not given, and maps a missing url to null', async () => {
    const { backend, sent } = fakeBackend(() => jsonResponse(200, { ...signInTokenJSON(), url: undefined }))
    const token = await backend.signInTokens.createSignInToken({ userId: 'user_1' })
    expect(sent[0]!.json).toEqual({ user_id: 'user_1' })
    expect(token.url).toBeNull()
  })

  it.each([
    [{}, 'user_id'],
    [{ userId: 'user_1', expiresInSeconds: 0 }, 'expires_in_seconds'],
    [{ userId: 'user_1', expiresInSeconds: 1.5 }, 'expires_in_seconds'],
    [{ userId: 'user_1', expiresInSeconds: '60' }, 'expires_in_seconds'],
  ])('refuses %j before sending anything (%s)', async (params, paramName) => {
    const { backend, fetch } = fakeBackend(() => jsonResponse(200, signInTokenJSON()))
    const error = await backend.signInTokens.createSignInToken(params as never).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ValidationError)
    expect(error).toMatchObject({ paramName })
    expect(fetch).not.toHaveBeenCalled()
  })
})
