// In-memory state: plain records in Maps (never plain objects, so ids such as `__proto__` coming from a
// URL cannot reach Object.prototype), plus the lookup indexes the routes need.
import type { SigningKeyRecord } from './signing-key.js'

export interface VerificationRecord {
  strategy: 'phone_code' | 'admin' | 'backup_code'
  status: 'unverified' | 'verified' | 'failed'
  attempts: number | null
  expireAt: number | null
  /** HMAC of the current code; `null` once verified or for admin verifications. */
  codeHash: string | null
  verifiedAtClient: string | null
}

export interface PhoneRecord {
  id: string
  userId: string
  phoneNumber: string
  reserved: boolean
  reservedForSecondFactor: boolean
  defaultSecondFactor: boolean
  verification: VerificationRecord | null
  createdAt: number
  updatedAt: number
}

export interface UserRecord {
  id: string
  externalId: string | null
  firstName: string | null
  lastName: string | null
  username: string | null
  publicMetadata: Record<string, unknown>
  privateMetadata: Record<string, unknown>
  unsafeMetadata: Record<string, unknown>
  primaryPhoneNumberId: string | null
  phoneNumberIds: string[]
  /** Backup codes were generated once (their values are shown once; only their keyed hashes are kept). */
  backupCodeEnabled: boolean
  /** Keyed hashes of the unused backup codes: each one signs in once. */
  backupCodeHashes: string[]
  mfaEnabledAt: number | null
  mfaDisabledAt: number | null
  lastSignInAt: number | null
  createdAt: number
  updatedAt: number
}

export interface ClientRecord {
  id: string
  token: string
  /** The development-instance dev browser this client belongs to (`POST /v1/dev_browser`), if any. */
  devBrowserId?: string
  sessionIds: string[]
  lastActiveSessionId: string | null
  lastAuthenticationStrategy: string | null
  /** The client's current sign-in and sign-up (a new create replaces them; completion clears them). */
  signInId: string | null
  signUpId: string | null
  createdAt: number
  updatedAt: number
}

/** One factor step of a sign-in: the SMS code sent to a number of the user, or a backup code. */
export interface SignInStepRecord {
  strategy: 'phone_code' | 'backup_code'
  phoneNumberId: string | null
  verification: VerificationRecord
}

export interface SignInRecord {
  id: string
  clientId: string
  userId: string
  /** The E.164 number it was created with. */
  identifier: string
  status: 'needs_first_factor' | 'needs_second_factor' | 'complete'
  firstFactor: SignInStepRecord | null
  secondFactor: SignInStepRecord | null
  createdSessionId: string | null
  abandonAt: number
  createdAt: number
  updatedAt: number
}

export interface SignUpRecord {
  id: string
  clientId: string
  status: 'missing_requirements' | 'complete'
  phoneNumber: string
  firstName: string | null
  lastName: string | null
  unsafeMetadata: Record<string, unknown>
  /** `null` until a code is sent. */
  verification: VerificationRecord | null
  createdUserId: string | null
  createdSessionId: string | null
  abandonAt: number
  createdAt: number
  updatedAt: number
}

/** Clerk's session statuses the emulator reaches: signed out of one (`removed`, `ended`) or by the backend (`revoked`). */
export type SessionStatus = 'active' | 'removed' | 'ended' | 'revoked'

export interface SessionRecord {
  id: string
  clientId: string
  userId: string
  status: SessionStatus
  expireAt: number
  abandonAt: number
  lastActiveAt: number
  createdAt: number
  updatedAt: number
}

export interface SignInTokenRecord {
  id: string
  token: string
  userId: string
  status: 'pending' | 'accepted' | 'revoked'
  expiresAt: number
  createdAt: number
  updatedAt: number
}

/** What the data file holds. */
export interface Snapshot {
  version: 1
  secretKey: string
  /** The session-token key pair; absent in data files written before RS256 tokens, and until first used. */
  signingKey?: SigningKeyRecord
  users: UserRecord[]
  phoneNumbers: PhoneRecord[]
  clients: ClientRecord[]
  sessions: SessionRecord[]
  signInTokens: SignInTokenRecord[]
  /** Absent in data files written before sign-in and sign-up existed. */
  signIns?: SignInRecord[]
  signUps?: SignUpRecord[]
  /** `purpose E.164` → when a code for that purpose was last sent to the number. */
  smsSentAt: [string, number][]
}

export interface Store {
  users: Map<string, UserRecord>
  phoneNumbers: Map<string, PhoneRecord>
  clients: Map<string, ClientRecord>
  sessions: Map<string, SessionRecord>
  signInTokens: Map<string, SignInTokenRecord>
  signIns: Map<string, SignInRecord>
  signUps: Map<string, SignUpRecord>
  /** E.164 → phone id: numbers are unique per instance. */
  phoneIndex: Map<string, string>
  clientTokens: Map<string, string>
  /** Dev browser id → client id. */
  devBrowsers: Map<string, string>
  tickets: Map<string, string>
  /**
   * Last code sent per purpose and E.164 number (`purpose E.164`), kept apart from the phone record so
   * deleting and re-adding a number does not reset its resend throttle.
   */
  smsSentAt: Map<string, number>
}

const byId = <T extends { id: string }>(records: T[] = []) => new Map(records.map((r) => [r.id, r]))

/** Builds the store (and its indexes) from a snapshot, or empty. */
export function createStore(snapshot?: Snapshot): Store {
  const store: Store = {
    users: byId(snapshot?.users),
    phoneNumbers: byId(snapshot?.phoneNumbers),
    clients: byId(snapshot?.clients),
    sessions: byId(snapshot?.sessions),
    signInTokens: byId(snapshot?.signInTokens),
    signIns: byId(snapshot?.signIns),
    signUps: byId(snapshot?.signUps),
    phoneIndex: new Map(),
    clientTokens: new Map(),
    devBrowsers: new Map(),
    tickets: new Map(),
    smsSentAt: new Map(snapshot?.smsSentAt),
  }
  for (const phone of store.phoneNumbers.values()) store.phoneIndex.set(phone.phoneNumber, phone.id)
  for (const client of store.clients.values()) {
    store.clientTokens.set(client.token, client.id)
    if (client.devBrowserId) store.devBrowsers.set(client.devBrowserId, client.id)
  }
  for (const token of store.signInTokens.values()) store.tickets.set(token.token, token.id)
  return store
}

/** The store as a JSON-ready snapshot (indexes are derived, so they are not saved). */
export function toSnapshot(store: Store, secretKey: string, signingKey?: SigningKeyRecord): Snapshot {
  return {
    version: 1,
    secretKey,
    ...(signingKey && { signingKey }),
    users: [...store.users.values()],
    phoneNumbers: [...store.phoneNumbers.values()],
    clients: [...store.clients.values()],
    sessions: [...store.sessions.values()],
    signInTokens: [...store.signInTokens.values()],
    signIns: [...store.signIns.values()],
    signUps: [...store.signUps.values()],
    smsSentAt: [...store.smsSentAt],
  }
}
