/**
 * dialkit/emulator: a local Frontend + Backend API server in Clerk's wire format (Node only), with an SMS
 * outbox to read codes from and a clock tests move instead of sleeping. Also runs as the
 * `dialkit-emulator` command.
 *
 * @example
 * ```ts
 * import { createClient } from 'dialkit'
 * import { startEmulator } from 'dialkit/emulator'
 *
 * const emu = await startEmulator()
 * const client = createClient({ publishableKey: emu.publishableKey, authMode: 'header' })
 * // … create a number and call prepareVerification(), then:
 * const code = emu.outbox.latest('+14155552671')?.code
 * await emu.stop()
 * ```
 *
 * @packageDocumentation
 */

import { serve } from '@hono/node-server'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Clock } from './clock.js'
import { createEmulatorContext, type EmulatorSettings } from './create-context.js'
import { createApp } from './http/app.js'
import type { Outbox } from './outbox.js'
import { DialkitError } from '../errors/dialkit-error.js'
import { checkEmulatorOptions } from './options.js'
import { openDataFile, type OpenedDataFile } from './data-file.js'

export { createClock, type Clock } from './clock.js'
export type { Outbox, SmsMessage, SmsPurpose } from './outbox.js'
export type { EmulatorSettings } from './create-context.js'
export { DialkitError, ValidationError, isDialkitError, isValidationError } from '../errors/index.js'

/**
 * Options for {@link startEmulator}.
 *
 * @example
 * ```ts
 * const options: EmulatorOptions = { port: 4010, dataFile: '.dialkit/state.json', resendThrottleSeconds: 5 }
 * ```
 */
export interface EmulatorOptions extends EmulatorSettings {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number
  /** Interface to bind. Default `127.0.0.1`. */
  host?: string
  /** JSON file holding the state; written atomically after every change and reloaded on start. */
  dataFile?: string
}

/**
 * A running emulator.
 *
 * @example
 * ```ts
 * const emu: Emulator = await startEmulator()
 * const code = emu.outbox.latest('+14155552671')?.code
 * ```
 */
export interface Emulator {
  /** Base URL for both APIs, e.g. `http://127.0.0.1:4010` (they live under `/v1`). */
  url: string
  /** BAPI secret key (`Authorization: Bearer …`). */
  secretKey: string
  /** Publishable key whose frontend API is `url`. */
  publishableKey: string
  /**
   * The public key (SPKI PEM) that signs session tokens: pass it as `@clerk/backend`'s `jwtKey` (Clerk's
   * "JWT public key") to verify tokens without a network call. Made on first use and kept in the data file.
   *
   * @example
   * ```ts
   * import { verifyToken } from '@clerk/backend'
   * const claims = await verifyToken(sessionToken, { jwtKey: emu.jwtKey })
   * ```
   */
  readonly jwtKey: string
  /** Every SMS the emulator "sent": read codes here. */
  outbox: Outbox
  /** The clock behind every timestamp, code expiry and throttle; move it instead of sleeping. */
  clock: Clock
  /** Stops listening and waits until every change is written. */
  stop(): Promise<void>
}

function urlHost(host: string, port: number): string {
  if (host === '0.0.0.0' || host === '::') return `localhost:${port}`
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}

/**
 * Clerk's publishable-key format: `pk_test_` + base64(`<frontend api host>$`).
 *
 * @example
 * ```ts
 * publishableKeyFor('127.0.0.1:4010') // 'pk_test_MTI3LjAuMC4xOjQwMTAk'
 * ```
 */
export function publishableKeyFor(hostWithPort: string): string {
  return `pk_test_${Buffer.from(`${hostWithPort}$`).toString('base64')}`
}

function listening(server: Server, where: string): Promise<number> {
  return new Promise((resolve, reject) => {
    // Node's own text ("listen EADDRINUSE: address already in use :::4010") does not say what to change.
    const failed = (error: NodeJS.ErrnoException) =>
      reject(new DialkitError(`dialkit-emulator: cannot listen on ${where} (${error.code ?? error.message}): pick another port or host`, { cause: error }))
    server.once('error', failed)
    server.once('listening', () => {
      server.off('error', failed)
      resolve((server.address() as AddressInfo).port)
    })
  })
}

/**
 * Starts the local Frontend + Backend API emulator. A bad option rejects with a {@link ValidationError}
 * (`config_invalid`, `paramName` such as `max_attempts`) before anything listens or the data file is read;
 * a port that cannot be bound or an unreadable data file rejects with a {@link DialkitError} saying so.
 * Temp files a killed emulator left beside the data file are deleted first. The data file is locked
 * (`<dataFile>.lock`) until `stop()`: a second emulator on it, or a read-only data file, rejects at start.
 *
 * @example
 * ```ts
 * import { startEmulator } from 'dialkit/emulator'
 * const emu = await startEmulator({ port: 0 })
 * // … point the SDK at emu.url or emu.publishableKey, read codes from emu.outbox.latest()
 * emu.clock.advance(30_000) // past the resend throttle
 * await emu.stop()
 * ```
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  await checkEmulatorOptions(options)
  const persistence = options.dataFile ? await openDataFile(options.dataFile, options.log) : undefined
  try {
    return await serveEmulator(options, persistence)
  } catch (error) {
    // A start that fails after the lock lets go of it, so the next try on the same file is not refused.
    await persistence?.release()
    throw error
  }
}

async function serveEmulator(options: EmulatorOptions, persistence: OpenedDataFile | undefined): Promise<Emulator> {
  const host = options.host ?? '127.0.0.1'
  const { ctx, persister } = createEmulatorContext(options, persistence)
  const app = createApp(ctx)
  const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }) as Server
  const port = await listening(server, urlHost(host, options.port ?? 0))
  const url = `http://${urlHost(host, port)}`
  ctx.config.baseUrl = url
  let stopping: Promise<void> | undefined
  const stop = () => {
    stopping ??= new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
      .then(() => persister?.flush())
      .finally(() => persistence?.release())
    return stopping
  }
  return {
    url,
    secretKey: ctx.config.secretKey,
    publishableKey: publishableKeyFor(urlHost(host, port)),
    get jwtKey() {
      return ctx.signingKeys.get().publicKeyPem
    },
    outbox: ctx.outbox,
    clock: ctx.clock,
    stop,
  }
}
