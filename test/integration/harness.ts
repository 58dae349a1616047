// Shared setup for integration tests, on dialkit/testing: a real emulator on a random port for each file (or
// describe block), the backend client against it, and SDK clients signed in with a sign-in token, all over
// real HTTP.
import { afterAll, beforeAll } from 'vitest'
import type { BackendClient, BackendUser, CreateUserParams } from '../../src/backend/index.js'
import type { startEmulator } from '../../src/emulator/index.js'
import type { DialkitEventName } from '../../src/events.js'
import { createClient } from '../../src/index.js'
import { connectTestKit, startTestKit, type TestKit } from '../../src/testing/index.js'
import { EVENT_NAMES } from '../support/event-names.js'

export type Emulator = Awaited<ReturnType<typeof startEmulator>>
export type EmulatorOptions = Parameters<typeof startEmulator>[0]
export type Client = ReturnType<typeof createClient>

/** A non-test number: the emulator "sends" an SMS to the outbox for it. */
export const REAL_NUMBER = '+14155552671'
/** Clerk test number: takes code 424242 and sends nothing. */
export const TEST_NUMBER = '+12015550123'

/** An emulator of one's own, for a test that starts and stops it itself (restarts, a second instance). */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return (await startTestKit({ host: '127.0.0.1', ...options })).emulator!
}

/**
 * The emulator of a test file (or describe block): a test kit starts it before the tests and stops it after
 * them. Its fields are read inside tests, once `beforeAll` has run; `emu.kit` is the kit itself.
 */
export function useTestEmulator(options: EmulatorOptions = {}): Emulator & { readonly kit: TestKit } {
  let kit: TestKit | undefined
  beforeAll(async () => {
    kit = await startTestKit({ host: '127.0.0.1', ...options })
  })
  afterAll(() => kit?.stop())
  const started = () => {
    if (!kit?.emulator) throw new Error('useTestEmulator(): read its fields inside a test, after beforeAll')
    return kit.emulator
  }
  return {
    get kit() { return (started(), kit!) },
    get url() { return started().url },
    get secretKey() { return started().secretKey },
    get publishableKey() { return started().publishableKey },
    get jwtKey() { return started().jwtKey },
    get outbox() { return started().outbox },
    get clock() { return started().clock },
    stop: () => started().stop(),
  }
}

/** The kit on `emu`, reached over HTTP the way a suite reaches an emulator it did not start. */
function kitOn(emu: Emulator): TestKit {
  return connectTestKit({ url: emu.url, secretKey: emu.secretKey })
}

export function backendFor(emu: Emulator): BackendClient {
  return kitOn(emu).backend
}

/** An SDK client in header mode, as Node, native and cross-origin apps use it. */
export function clientFor(emu: Emulator): Client {
  return createClient({ frontendApi: emu.url, authMode: 'header' })
}

/** Creates a user through the Backend API (no numbers unless given) and signs a fresh SDK client in as them. */
export async function signedInClient(emu: Emulator, userParams: CreateUserParams = {}) {
  const kit = kitOn(emu)
  const { phoneNumber = [], ...fields } = userParams
  const user = await kit.createUser({ ...fields, phoneNumbers: phoneNumber })
  const client = await kit.signInClient(user)
  const backendUser: BackendUser = user.user
  return { client, backend: kit.backend, backendUser }
}

/** The signed-in user, failing loudly rather than with a non-null assertion deep in a test. */
export function userOf(client: Client) {
  const user = client.store.get().user
  if (!user) throw new Error('expected a signed-in user in the store')
  return user
}

/** Records every event a client emits, in order; `take()` returns and clears them. */
export function recordEvents(client: Client) {
  let seen: Array<{ name: DialkitEventName; payload: unknown }> = []
  const offs = EVENT_NAMES.map((name) => client.on(name, ((payload: unknown) => {
    seen.push({ name, payload })
  }) as never))
  return {
    take() {
      const taken = seen
      seen = []
      return taken
    },
    names() {
      return this.take().map((event) => event.name)
    },
    stop: () => offs.forEach((off) => off()),
  }
}

/** Runs `action`, expecting it to reject, and returns the error. */
export async function rejection(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action()
  } catch (error) {
    return error
  }
  throw new Error('expected the action to reject')
}
