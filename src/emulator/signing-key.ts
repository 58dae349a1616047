// The instance's RS256 key pair for session tokens. Made on first use, not at start: a 2048-bit RSA key
// costs hundreds of milliseconds, and most emulators (tests) never issue a token. Once made it is kept in
// the data file, so tokens and a backend's configured public key stay valid across restarts.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type JsonWebKey, type KeyObject } from 'node:crypto'
import { createId } from './ids.js'

/** What the data file keeps: the key id and the private key as PKCS#8 PEM. */
export interface SigningKeyRecord {
  kid: string
  privateKeyPem: string
}

/** The loaded key: what signing needs, and the public halves the JWKS and `jwtKey` hand out. */
export interface SigningKey {
  kid: string
  privateKey: KeyObject
  /** SPKI PEM, the form `@clerk/backend` takes as `jwtKey` (Clerk's "JWT public key"). */
  publicKeyPem: string
  /** Public JWK as Clerk's JWKS lists it. */
  publicJwk: JsonWebKey & { kid: string; alg: 'RS256'; use: 'sig' }
}

/**
 * A fresh record. 2048 bits and exponent 65537 are not a choice: `@clerk/backend` turns a PEM `jwtKey`
 * into a JWK by stripping the fixed 2048-bit SPKI prefix, so any other size would fail networkless checks.
 */
export function generateSigningKeyRecord(): SigningKeyRecord {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 0x10001 })
  return { kid: createId('ins'), privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() }
}

function readPrivateKey(pem: string): KeyObject {
  let key: KeyObject
  try {
    key = createPrivateKey(pem)
  } catch (error) {
    throw new Error('dialkit-emulator: the session signing key is not a readable PEM private key', { cause: error })
  }
  if (key.asymmetricKeyType !== 'rsa') throw new Error('dialkit-emulator: the session signing key must be an RSA private key')
  return key
}

/** Loads a record; throws on a PEM that is not an RSA private key. */
export function loadSigningKey(record: SigningKeyRecord): SigningKey {
  const privateKey = readPrivateKey(record.privateKeyPem)
  const publicKey = createPublicKey(privateKey)
  const { kty, n, e } = publicKey.export({ format: 'jwk' })
  return {
    kid: record.kid,
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    publicJwk: { use: 'sig', kty, kid: record.kid, alg: 'RS256', n, e },
  }
}

/** Holds the instance's key: the stored one, or one made on the first `get()` (then `onCreate` runs). */
export interface SigningKeys {
  get(): SigningKey
  /** The record to save, once there is one. */
  record(): SigningKeyRecord | undefined
}

export function createSigningKeys(stored: SigningKeyRecord | undefined, onCreate: () => void): SigningKeys {
  let record = stored
  let loaded = stored && loadSigningKey(stored)
  return {
    get() {
      if (!loaded) {
        record = generateSigningKeyRecord()
        loaded = loadSigningKey(record)
        onCreate()
      }
      return loaded
    },
    record: () => record,
  }
}
