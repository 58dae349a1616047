import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../src/backend/index.js'
import type { BackendSessionJSON } from '../../src/wire/index.js'
import { fakeBackend } from './fixtures.js'
import { jsonResponse } from '../support/fake-fetch.js'

function sessionJSON(overrides: Partial<BackendSessionJSON> = {}): BackendSessionJSON {
  return {
    object: 'session',
    id: 'sess_1',
    user_id: 'user_1',
    client_id: 'client_1',
    status: 'active',
    actor: null,
    last_active_at: 1_700_000_000_003,
    expire_at: 1_700_600_000_000,
    abandon_at: 1_702_000_000_000,
    created_at: 1_700_000_000_000,
    updated_at: 1_700_000_000_004,
    ...overrides,
  }
}

const SESSION = {
  id: 'sess_1',
  userId: 'user_1',
  clientId: 'client_1',
  status: 'active',
  lastActiveAt: 1_700_000_000_003,
  expireAt: 1_700_600_000_000,
  abandonAt: 1_702_000_000_000,
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_004,
}

describe('sessions.getSessionList', () => {
  it('asks for the paginated list with the filters and returns camelCase sessions with the total', async () => {
    const { backend, sent } = fakeBackend(() => jsonResponse(200, { data: [sessionJSON()], total_count: 3 }))
    const list = await backend.sessions.getSessionList({ userId: 'user_1', clientId: 'client_1', status: 'active', limit: 1, offset: 2 })
    expect(list).toEqual({ data: [SESSION], totalCount: 3 })
    expect(sent[0]!.method).toBe('GET')
    expect(sent[0]!.url.search).toBe('?user_id=user_1&client_id=client_1&status=active&limit=1&offset=2&paginated=true')
  })

  it('rejects an unknown status and a bad limit before sending', async () => {
    const { backend, sent } = fakeBackend(() => jsonResponse(200, { data: [], total_count: 0 }))
    await expect(backend.sessions.getSessionList({ status: 'sleeping' } as never)).rejects.toMatchObject({ paramName: 'status' })
    await expect(backend.sessions.getSessionList({ limit: 1.5 })).rejects.toBeInstanceOf(ValidationError)
    expect(sent).toEqual([])
  })
})

describe('sessions.revokeSession', () => {
  it('posts to the session’s revoke path and returns the revoked session', async () => {
    const { backend, sent } = fakeBackend(() => jsonResponse(200, sessionJSON({ status: 'revoked' })))
    expect(await backend.sessions.revokeSession('sess_1')).toEqual({ ...SESSION, status: 'revoked' })
    expect(sent[0]).toMatchObject({ method: 'POST', path: '/v1/sessions/sess_1/revoke' })
    await expect(backend.sessions.revokeSession('')).rejects.toBeInstanceOf(ValidationError)
    expect(sent).toHaveLength(1)
  })
})

describe('testingTokens.createTestingToken', () => {
  it('posts with no body and turns expires_at seconds into milliseconds', async () => {
    const { backend, sent } = fakeBackend(() => jsonResponse(200, { object: 'testing_token', token: '1713877200-abc', expires_at: 1_713_880_800 }))
    expect(await backend.testingTokens.createTestingToken()).toEqual({ token: '1713877200-abc', expiresAt: 1_713_880_800_000 })
    expect(sent[0]).toMatchObject({ method: 'POST', path: '/v1/testing_tokens' })
    expect(sent[0]!.json).toBeUndefined()
  })
})
