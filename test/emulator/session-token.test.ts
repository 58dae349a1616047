import { decodeProtectedHeader, importSPKI, jwtVerify } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { createSessionToken, SESSION_TOKEN_SECONDS } from '../../src/emulator/session-token.js'
import { generateSigningKeyRecord, loadSigningKey, type SigningKey } from '../../src/emulator/signing-key.js'
import type { SessionRecord } from '../../src/emulator/state.js'

const session: SessionRecord = {
  id: 'sess_1',
  clientId: 'client_1',
  userId: 'user_1',
  status: 'active',
  expireAt: 2_000_000_000_000,
  abandonAt: 2_000_000_000_000,
  lastActiveAt: 1,
  createdAt: 1_700_000_000_900 - 5 * 60_000,
  updatedAt: 1,
}

// One RSA key for the file: making one costs hundreds of milliseconds.
let key: SigningKey
beforeAll(() => {
  key = loadSigningKey(generateSigningKeyRecord())
})

describe('createSessionToken', () => {
  it('is an RS256 JWT naming its key, with Clerk v2 session claims', async () => {
    const jwt = await createSessionToken({ session, issuer: 'http://127.0.0.1:4010', origin: 'http://127.0.0.1:5173', nowMs: 1_700_000_000_900, key })
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    const { payload } = await jwtVerify(jwt, await importSPKI(key.publicKeyPem, 'RS256'), { currentDate: new Date(1_700_000_001_000) })
    expect(payload).toEqual({
      azp: 'http://127.0.0.1:5173',
      exp: 1_700_000_000 + SESSION_TOKEN_SECONDS,
      fva: [5, -1],
      iat: 1_700_000_000,
      iss: 'http://127.0.0.1:4010',
      nbf: 1_700_000_000 - 10,
      sid: 'sess_1',
      sts: 'active',
      sub: 'user_1',
      v: 2,
    })
  })

  it('leaves out azp when the request had no origin', async () => {
    const jwt = await createSessionToken({ session, issuer: 'http://e', origin: undefined, nowMs: session.createdAt, key })
    const { payload } = await jwtVerify(jwt, await importSPKI(key.publicKeyPem, 'RS256'), { currentDate: new Date(session.createdAt) })
    expect(payload).not.toHaveProperty('azp')
    expect(payload.fva).toEqual([0, -1])
  })

  it('does not verify with another key', async () => {
    const jwt = await createSessionToken({ session, issuer: 'http://e', origin: undefined, nowMs: Date.now(), key })
    const other = loadSigningKey(generateSigningKeyRecord())
    await expect(jwtVerify(jwt, await importSPKI(other.publicKeyPem, 'RS256'))).rejects.toThrow(/signature/)
  })
})
