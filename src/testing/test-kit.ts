import type { CreateClientOptions, DialkitClient } from 'dialkit'
import type { BackendClient } from 'dialkit/backend'
import type { Emulator, EmulatorOptions, SmsMessage, SmsPurpose } from 'dialkit/emulator'
import { createBackendClient } from '../backend/index.js'
import { TEST_CODE } from '../emulator/codes.js'
import { publishableKeyFor, startEmulator } from '../emulator/index.js'
import { isTestNumber, normalizeE164 } from '../emulator/phone-format.js'
import { ValidationError } from '../errors/validation-error.js'
import { httpSurface, inProcessSurface, type DevSurface } from './dev-surface.js'
import { signInClient, signInPage, type PageOrContext, type SignInPageOptions, type UserRef } from './sign-in.js'
import { newestFor, waitForSms, type WaitForSmsOptions } from './sms-wait.js'
import { createTestNumbers, createTestUser, type TestUser, type TestUserParams } from './test-users.js'

/**
 * The emulator's clock as a test moves it (through the kit, in process or over `/__dev/clock`).
 *
 * @example
 * ```ts
 * await kit.clock.advance(10 * 60_000) // every code sent so far has expired
 * ```
 */
export interface TestClock {
  /** The emulator's time, Unix milliseconds. */
  now(): Promise<number>
  /** Moves it forward by `ms` (codes expire, throttles end) and resolves to the new time. */
  advance(ms: number): Promise<number>
  /** Sets it to `ms` (Unix milliseconds) and resolves to it. */
  set(ms: number): Promise<number>
}

/**
 * One emulator for a test run, and what tests do with it: seed users, sign a client or a page in, read the
 * codes sent, move the clock. From {@link startTestKit} (starts and stops its own emulator) or
 * {@link connectTestKit} (one running elsewhere).
 *
 * @example
 * ```ts
 * const kit = await startTestKit()
 * const user = await kit.createUser({ secondFactor: true })
 * const client = await kit.signInClient(user)
 * await kit.stop()
 * ```
 */
export interface TestKit {
  /** The emulator's base URL (both APIs under `/v1`, the dev surface under `/__dev`). */
  readonly url: string
  /** Its publishable key (Frontend API = `url`). */
  readonly publishableKey: string
  /** Its secret key, for the Backend API. */
  readonly secretKey: string
  /** A `dialkit/backend` client on it. */
  readonly backend: BackendClient
  /** The emulator itself when this kit started it in process, else `undefined`. */
  readonly emulator: Emulator | undefined
  /** Its clock. */
  readonly clock: TestClock
  /** A test number (`+1 XXX 555-01YY`, code 424242, never texted or throttled) no user of this kit has yet. */
  testNumber(): string
  /** Creates a user with verified numbers (default: one fresh test number) and, with `secondFactor`, 2FA. */
  createUser(params?: TestUserParams): Promise<TestUser>
  /** A new SDK client (header auth) signed in as the user with a sign-in token. */
  signInClient(user: UserRef, options?: Omit<CreateClientOptions, 'frontendApi' | 'publishableKey'>): Promise<DialkitClient>
  /** Signs a Playwright page (or browser context) in as the user by setting its `__client` cookie. */
  signInPage(page: PageOrContext, user: UserRef, options?: SignInPageOptions): Promise<void>
  /** The newest text to the number (and purpose), if any. */
  latestSms(phoneNumber: string, purpose?: SmsPurpose): Promise<SmsMessage | undefined>
  /** The newest code sent to the number: `424242` for a test number, `undefined` when none was sent. */
  latestCode(phoneNumber: string, purpose?: SmsPurpose): Promise<string | undefined>
  /** The newest text to the number, waiting (without sleeping) until one arrives; a `DialkitError` on timeout. */
  waitForSms(phoneNumber: string, options?: WaitForSmsOptions): Promise<SmsMessage>
  /** Like `waitForSms()`, resolving to the code; `424242` at once for a test number. */
  waitForCode(phoneNumber: string, options?: WaitForSmsOptions): Promise<string>
  /** Forgets every text sent so far. */
  clearOutbox(): Promise<void>
  /** Stops the emulator if this kit started it (waiting for its data file); else does nothing. */
  stop(): Promise<void>
}

/**
 * Options of {@link connectTestKit}.
 *
 * @example
 * ```ts
 * const options: ConnectTestKitOptions = { url: 'http://127.0.0.1:4010', secretKey: 'sk_test_…' }
 * ```
 */
export interface ConnectTestKitOptions {
  /** The emulator's URL, or an app's origin that proxies `/v1` and `/__dev` to it. */
  url: string
  /** The emulator's secret key (`npx dialkit-emulator` prints it; `--secret-key` sets it). */
  secretKey: string
  /** The emulator's publishable key; default: the one for `url`'s host. */
  publishableKey?: string
}

function checkPhone(input: unknown): string {
  const e164 = typeof input === 'string' ? normalizeE164(input) : null
  if (!e164) throw new ValidationError('phone_number_invalid', `Not an E.164 number: ${String(input)}`, { paramName: 'phone_number' })
  return e164
}

function checkWait(options: WaitForSmsOptions | undefined): { purpose: SmsPurpose | undefined; after: SmsMessage | undefined; timeout: number } {
  const { purpose, after, timeout = 15_000 } = options ?? {}
  if (!(typeof timeout === 'number' && timeout >= 0 && timeout <= 2_147_483_647)) {
    throw new ValidationError('param_invalid', 'timeout must be a number of milliseconds from 0 to 2^31-1', { paramName: 'timeout' })
  }
  if (after !== undefined && typeof after?.id !== 'string') throw new ValidationError('param_invalid', 'after must be an SMS from the outbox', { paramName: 'after' })
  return { purpose, after, timeout }
}

function checkMs(ms: unknown): number {
  if (typeof ms === 'number' && Number.isFinite(ms)) return ms
  throw new ValidationError('param_invalid', `The clock moves by a finite number of milliseconds, not ${String(ms)}`, { paramName: 'ms' })
}

function createClock(surface: DevSurface): TestClock {
  return {
    now: () => surface.now(),
    advance: async (ms) => surface.advance(checkMs(ms)),
    set: async (ms) => surface.set(checkMs(ms)),
  }
}

interface KitParts extends Required<ConnectTestKitOptions> {
  surface: DevSurface
  emulator: Emulator | undefined
}

function createKit({ url, secretKey, publishableKey, surface, emulator }: KitParts): TestKit {
  const backend = createBackendClient({ secretKey, apiUrl: url })
  const testNumber = createTestNumbers()
  const latestSms = async (phoneNumber: string, purpose?: SmsPurpose) => {
    const e164 = checkPhone(phoneNumber)
    return newestFor(await surface.messages(), { phoneNumber: e164, purpose })
  }
  const waitFor = async (phoneNumber: string, options?: WaitForSmsOptions) => {
    const e164 = checkPhone(phoneNumber)
    const { timeout, ...wanted } = checkWait(options)
    if (isTestNumber(e164)) throw new ValidationError('param_invalid', `${e164} is a test number: it is never texted, its code is ${TEST_CODE}`, { paramName: 'phone_number' })
    return waitForSms(surface, { phoneNumber: e164, ...wanted }, timeout)
  }
  return {
    url,
    publishableKey,
    secretKey,
    backend,
    emulator,
    clock: createClock(surface),
    testNumber,
    createUser: (params) => createTestUser(backend, testNumber, params),
    signInClient: (user, options) => signInClient(backend, url, user, options),
    signInPage: (page, user, options) => signInPage(backend, url, page, user, options),
    latestSms,
    latestCode: async (phoneNumber, purpose) => (isTestNumber(checkPhone(phoneNumber)) ? TEST_CODE : (await latestSms(phoneNumber, purpose))?.code),
    waitForSms: waitFor,
    waitForCode: async (phoneNumber, options) => (isTestNumber(checkPhone(phoneNumber)) ? (checkWait(options), TEST_CODE) : (await waitFor(phoneNumber, options)).code),
    clearOutbox: () => surface.clearMessages(),
    stop: async () => emulator?.stop(),
  }
}

/**
 * Starts an emulator for a test run (a free port on 127.0.0.1, state in memory unless `dataFile`, no log) and
 * returns a kit on it; `kit.stop()` stops it. Options are the emulator's (`EmulatorOptions` of `dialkit/emulator`).
 *
 * @example
 * ```ts
 * import { startTestKit } from 'dialkit/testing'
 * const kit = await startTestKit({ corsOrigins: ['http://localhost:5173'] })
 * // … tests …
 * await kit.stop()
 * ```
 */
export async function startTestKit(options: EmulatorOptions = {}): Promise<TestKit> {
  const emulator = await startEmulator({ port: 0, log: false, ...options })
  const { url, secretKey, publishableKey } = emulator
  return createKit({ url, secretKey, publishableKey, surface: inProcessSurface(emulator), emulator })
}

/**
 * A kit on an emulator running elsewhere (`npx dialkit-emulator`, a dev server's, another worker's): the
 * same methods over HTTP, its outbox read from `GET /__dev/sms` and its clock moved with `POST /__dev/clock`.
 * Nothing is sent until a method is called.
 *
 * @example
 * ```ts
 * import { connectTestKit } from 'dialkit/testing'
 * const kit = connectTestKit({ url: process.env.EMULATOR_URL!, secretKey: process.env.EMULATOR_SECRET_KEY! })
 * const code = await kit.waitForCode('+14155552671')
 * ```
 */
export function connectTestKit(options: ConnectTestKitOptions): TestKit {
  const { url: given, secretKey, publishableKey } = options ?? ({} as ConnectTestKitOptions)
  if (typeof given !== 'string' || !/^https?:\/\/[^/]+/.test(given)) {
    throw new ValidationError('config_invalid', `connectTestKit() needs the emulator's http(s) url, not ${String(given)}`, { paramName: 'url' })
  }
  const url = given.replace(/\/+$/, '')
  // The secret key is checked by the backend client, before anything is sent.
  const key = publishableKey ?? publishableKeyFor(new URL(url).host)
  return createKit({ url, secretKey, publishableKey: key, surface: httpSurface(url), emulator: undefined })
}
