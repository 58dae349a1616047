import { createHmac, randomBytes } from 'node:crypto'
import { createClock, type Clock } from './clock.js'
import { createCodeHasher } from './codes.js'
import type { EmulatorContext } from './context.js'
import { createOutbox } from './outbox.js'
import { createPersister, type Persister } from './persistence.js'
import { checkEmulatorSettings } from './options.js'
import { createSigningKeys } from './signing-key.js'
import { createStore, toSnapshot, type Snapshot } from './state.js'

/**
 * Options shared by `startEmulator` and the in-process app used in tests.
 *
 * @example
 * ```ts
 * const settings: EmulatorSettings = { maxAttempts: 5, codeTtlSeconds: 60, corsOrigins: ['https://app.example'] }
 * ```
 */
export interface EmulatorSettings {
  /** Defaults to one stored in the data file, else a random `sk_test_…`. */
  secretKey?: string
  /** Share one with the test to control time; default: a fresh {@link createClock}. */
  clock?: Clock
  /** CORS origins allowed with credentials; `['*']` for any. Default: loopback origins on any port. */
  corsOrigins?: string[]
  /** Wrong codes before a verification fails. Default 3. */
  maxAttempts?: number
  /** Minimum seconds between two codes sent to one number. Default 30. */
  resendThrottleSeconds?: number
  /** Code lifetime in seconds. Default 600. */
  codeTtlSeconds?: number
  /**
   * One session per client, Clerk's default: a sign-in or sign-up while signed in answers
   * `session_exists`. `false` lets a client hold several sessions (Clerk's multi-session mode).
   */
  singleSessionMode?: boolean
  /** Largest accepted request body in bytes. Default 65536. */
  maxBodyBytes?: number
  /** Receives one line per notable event (never a code or a body). Default or `false`: silent. */
  log?: ((line: string) => void) | false
}

function randomSecretKey(): string {
  return `sk_test_${randomBytes(24).toString('base64url').replace(/[-_]/g, 'x')}`
}

/** Builds the shared context; `dataFile` + a loaded snapshot turn on persistence. */
export function createEmulatorContext(
  settings: EmulatorSettings,
  persistence?: { file: string; snapshot: Snapshot | undefined },
): { ctx: EmulatorContext; persister: Persister | undefined } {
  checkEmulatorSettings(settings)
  const snapshot = persistence?.snapshot
  const secretKey = settings.secretKey ?? snapshot?.secretKey ?? randomSecretKey()
  const store = createStore(snapshot)
  // A key made during a request is saved at once, whether or not that request changes anything else; a
  // failed write is retried by the next save or the flush on stop.
  const signingKeys = createSigningKeys(snapshot?.signingKey, () => void persister?.save().catch(() => undefined))
  const persister = persistence ? createPersister(persistence.file, () => toSnapshot(store, secretKey, signingKeys.record())) : undefined
  // The code-hash key derives from the secret key so pending codes survive a restart with the same data file.
  const hashKey = createHmac('sha256', secretKey).update('dialkit-emulator/verification-code').digest('hex')
  const ctx: EmulatorContext = {
    store,
    clock: settings.clock ?? createClock(),
    outbox: createOutbox(),
    hasher: createCodeHasher(hashKey),
    signingKeys,
    config: {
      secretKey,
      maxAttempts: settings.maxAttempts ?? 3,
      resendThrottleMs: (settings.resendThrottleSeconds ?? 30) * 1000,
      codeTtlMs: (settings.codeTtlSeconds ?? 600) * 1000,
      singleSessionMode: settings.singleSessionMode ?? true,
      corsOrigins: settings.corsOrigins ?? [],
      maxBodyBytes: settings.maxBodyBytes ?? 64 * 1024,
      baseUrl: 'http://127.0.0.1',
    },
    changed: () => persister?.save() ?? Promise.resolve(),
    log: settings.log || (() => undefined),
  }
  return { ctx, persister }
}
