import { importJWK, jwtVerify, SignJWT } from 'jose'
import { generateKeyPairSync } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { createSigningKeys, generateSigningKeyRecord, loadSigningKey, type SigningKey, type SigningKeyRecord } from '../../src/emulator/signing-key.js'

// One RSA key for the file: making one costs hundreds of milliseconds.
let record: SigningKeyRecord
let key: SigningKey
beforeAll(() => {
  record = generateSigningKeyRecord()
  key = loadSigningKey(record)
})

describe('signing keys', () => {
  it('publishes a JWK that verifies what the private key signs', async () => {
    expect(key.publicJwk).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: record.kid, e: 'AQAB' })
    expect(key.kid).toMatch(/^ins_/)
    const jwt = await new SignJWT({ sub: 'user_1' }).setProtectedHeader({ alg: 'RS256', kid: key.kid }).sign(key.privateKey)
    await expect(jwtVerify(jwt, await importJWK(key.publicJwk, 'RS256'))).resolves.toBeTruthy()
  })

  it('reloads the same key from its record', () => {
    const again = loadSigningKey(structuredClone(record))
    expect(again.publicKeyPem).toBe(key.publicKeyPem)
    expect(again.publicJwk).toEqual(key.publicJwk)
  })

  it('refuses a private key that is not RSA', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    expect(() => loadSigningKey({ kid: 'ins_x', privateKeyPem: pem })).toThrow(/RSA private key/)
  })

  it('makes a key only on first use, once, and reports it', () => {
    let created = 0
    const keys = createSigningKeys(undefined, () => created++)
    expect(keys.record()).toBeUndefined()
    const first = keys.get()
    expect(keys.get()).toBe(first)
    expect(created).toBe(1)
    expect(keys.record()?.kid).toBe(first.kid)
  })

  it('uses a stored key without making one', () => {
    let created = 0
    const keys = createSigningKeys(record, () => created++)
    expect(keys.get().kid).toBe(record.kid)
    expect(keys.record()).toBe(record)
    expect(created).toBe(0)
  })
})
