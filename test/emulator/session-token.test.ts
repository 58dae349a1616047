import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createSessionToken, SESSION_TOKEN_SECONDS } from '../../src/emulator/session-token.js'
import type { SessionRecord } from '../../src/emulator/state.js'

const session: SessionRecord = {
  id: 'sess_1',
  clientId: 'client_1',
  userId: 'user_1',
  status: 'active',
  expireAt: 2_000_000_000_000,
  abandonAt: 2_000_000_000_000,
  lastActiveAt: 1,
  createdAt: 1,
  updatedAt: 1,
}

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))

describe('createSessionToken', () => {
  it('is an HS256 JWT over the secret key with the session claims clerk-js reads', () => {
    const jwt = createSessionToken({ session, issuer: 'http://127.0.0.1:4010', origin: 'http://127.0.0.1:5173', nowMs: 1_700_000_000_900, secretKey: 'sk_test_x' })
    const [header, payload, signature] = jwt.split('.') as [string, string, string]
    expect(decode(header)).toEqual({ alg: 'HS256', typ: 'JWT' })
    expect(decode(payload)).toEqual({
      azp: 'http://127.0.0.1:5173',
      exp: 1_700_000_000 + SESSION_TOKEN_SECONDS,
      fva: [0, -1],
      iat: 1_700_000_000,
      iss: 'http://127.0.0.1:4010',
      nbf: 1_700_000_000 - 10,
      sid: 'sess_1',
      sts: 'active',
      sub: 'user_1',
      v: 2,
    })
    expect(signature).toBe(createHmac('sha256', 'sk_test_x').update(`${header}.${payload}`).digest('base64url'))
  })

  it('leaves out azp when the request had no origin', () => {
    const jwt = createSessionToken({ session, issuer: 'http://e', origin: undefined, nowMs: 0, secretKey: 'k' })
    expect(decode(jwt.split('.')[1]!)).not.toHaveProperty('azp')
  })
})
