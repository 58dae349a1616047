import * as v from 'valibot'
import { checkSecretKey } from '../backend/validate.js'
import type { Snapshot } from './state.js'

// Validating the data file on load turns a hand-edited or truncated file into a clear start-up error
// instead of a crash deep inside a request later.
const nullableNumber = v.nullable(v.number())
const nullableString = v.nullable(v.string())
const record = v.record(v.string(), v.unknown())

const verification = v.object({
  strategy: v.picklist(['phone_code', 'admin', 'backup_code']),
  status: v.picklist(['unverified', 'verified', 'failed']),
  attempts: nullableNumber,
  expireAt: nullableNumber,
  codeHash: nullableString,
  verifiedAtClient: nullableString,
})

const phone = v.object({
  id: v.string(),
  userId: v.string(),
  phoneNumber: v.string(),
  reserved: v.boolean(),
  reservedForSecondFactor: v.boolean(),
  defaultSecondFactor: v.boolean(),
  verification: v.nullable(verification),
  createdAt: v.number(),
  updatedAt: v.number(),
})

const user = v.object({
  id: v.string(),
  externalId: nullableString,
  firstName: nullableString,
  lastName: nullableString,
  username: nullableString,
  publicMetadata: record,
  privateMetadata: record,
  unsafeMetadata: record,
  primaryPhoneNumberId: nullableString,
  phoneNumberIds: v.array(v.string()),
  backupCodeEnabled: v.boolean(),
  // Data files written before sign-in existed have none of the fields and records below.
  backupCodeHashes: v.optional(v.array(v.string()), []),
  mfaEnabledAt: nullableNumber,
  mfaDisabledAt: nullableNumber,
  lastSignInAt: nullableNumber,
  createdAt: v.number(),
  updatedAt: v.number(),
})

const client = v.object({
  id: v.string(),
  token: v.string(),
  devBrowserId: v.optional(v.string()),
  sessionIds: v.array(v.string()),
  lastActiveSessionId: nullableString,
  lastAuthenticationStrategy: nullableString,
  signInId: v.optional(nullableString, null),
  signUpId: v.optional(nullableString, null),
  createdAt: v.number(),
  updatedAt: v.number(),
})

const session = v.object({
  id: v.string(),
  clientId: v.string(),
  userId: v.string(),
  status: v.picklist(['active', 'removed', 'ended', 'revoked']),
  expireAt: v.number(),
  abandonAt: v.number(),
  lastActiveAt: v.number(),
  createdAt: v.number(),
  updatedAt: v.number(),
})

const signInToken = v.object({
  id: v.string(),
  token: v.string(),
  userId: v.string(),
  status: v.picklist(['pending', 'accepted', 'revoked']),
  expiresAt: v.number(),
  createdAt: v.number(),
  updatedAt: v.number(),
})

const signingKey = v.object({ kid: v.string(), privateKeyPem: v.string() })
const signInStep = v.object({
  strategy: v.picklist(['phone_code', 'backup_code']),
  phoneNumberId: nullableString,
  verification,
})

const signIn = v.object({
  id: v.string(),
  clientId: v.string(),
  userId: v.string(),
  identifier: v.string(),
  status: v.picklist(['needs_first_factor', 'needs_second_factor', 'complete']),
  firstFactor: v.nullable(signInStep),
  secondFactor: v.nullable(signInStep),
  createdSessionId: nullableString,
  abandonAt: v.number(),
  createdAt: v.number(),
  updatedAt: v.number(),
})

const signUp = v.object({
  id: v.string(),
  clientId: v.string(),
  status: v.picklist(['missing_requirements', 'complete']),
  phoneNumber: v.string(),
  firstName: nullableString,
  lastName: nullableString,
  unsafeMetadata: record,
  verification: v.nullable(verification),
  createdUserId: nullableString,
  createdSessionId: nullableString,
  abandonAt: v.number(),
  createdAt: v.number(),
  updatedAt: v.number(),
})

const isSecretKey = (key: string) => {
  try {
    return checkSecretKey(key) === key
  } catch {
    return false
  }
}

export const SnapshotSchema = v.object({
  version: v.literal(1),
  // A hand-edited key dialkit/backend would refuse must not start: every Backend API call would then fail.
  secretKey: v.pipe(v.string(), v.check(isSecretKey, 'a key like sk_test_... (the form dialkit/backend accepts)')),
  signingKey: v.optional(signingKey),
  users: v.array(user),
  phoneNumbers: v.array(phone),
  clients: v.array(client),
  sessions: v.array(session),
  signInTokens: v.array(signInToken),
  signIns: v.optional(v.array(signIn), []),
  signUps: v.optional(v.array(signUp), []),
  smsSentAt: v.array(v.tuple([v.string(), v.number()])),
})

/** Parses a data file's text; throws an Error naming the first problem. */
export function parseSnapshot(text: string): Snapshot {
  const json = JSON.parse(text) as unknown
  const version = (json as { version?: unknown } | null)?.version
  // Another shape altogether: say so, rather than name the first field that differs.
  if (typeof version === 'number' && version !== 1) throw new Error(`its version is ${version}, this emulator reads version 1: it was written by another dialkit version`)
  const result = v.safeParse(SnapshotSchema, json)
  if (!result.success) {
    const issue = result.issues[0]
    const where = issue?.path?.map((item) => String(item.key)).join('.') ?? '(root)'
    throw new Error(`unexpected data at ${where}: ${issue?.message ?? 'invalid'}`)
  }
  return result.output as Snapshot
}
