import type { Clock } from './clock.js'
import type { CodeHasher } from './codes.js'
import type { OutboxController } from './outbox.js'
import type { SigningKeys } from './signing-key.js'
import type { Store } from './state.js'

/** Tunables with their defaults applied. */
export interface EmulatorConfig {
  secretKey: string
  maxAttempts: number
  resendThrottleMs: number
  codeTtlMs: number
  /** Clerk's default: a client holds one session, so signing in or up while signed in is refused. */
  singleSessionMode: boolean
  /** Allowed CORS origins; `['*']` reflects any origin. Empty → loopback origins only. */
  corsOrigins: string[]
  maxBodyBytes: number
  /** Public base URL, known once the server listens (SMS WebOTP host falls back to it). */
  baseUrl: string
}

/** Everything a route or domain function needs, passed in instead of read from globals. */
export interface EmulatorContext {
  store: Store
  clock: Clock
  outbox: OutboxController
  hasher: CodeHasher
  /** The session-token key pair (made on first use). */
  signingKeys: SigningKeys
  config: EmulatorConfig
  /** Records that state changed; resolves when the change is durable (immediately without a data file). */
  changed(): Promise<void>
  log(line: string): void
}
