// Shared setup for integration tests: a real emulator on a random port, the backend client against it,
// and SDK clients signed in with a sign-in token, all over real HTTP.
import { createBackendClient, type BackendClient, type BackendUser } from '../../src/backend/index.js'
import { startEmulator } from '../../src/emulator/index.js'
import type { DialkitEventName } from '../../src/events.js'
import { createClient } from '../../src/index.js'
import { EVENT_NAMES } from '../support/event-names.js'

export type Emulator = Awaited<ReturnType<typeof startEmulator>>
export type EmulatorOptions = Parameters<typeof startEmulator>[0]
export type Client = ReturnType<typeof createClient>

/** A non-test number: the emulator "sends" an SMS to the outbox for it. */
export const REAL_NUMBER = '+14155552671'
/** Clerk test number: takes code 424242 and sends nothing. */
export const TEST_NUMBER = '+12015550123'

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({ port: 0, host: '127.0.0.1', log: false, ...options } as EmulatorOptions)
}

export function backendFor(emu: Emulator): BackendClient {
  return createBackendClient({ secretKey: emu.secretKey, apiUrl: emu.url })
}

/** An SDK client in header mode, as Node, native and cross-origin apps use it. */
export function clientFor(emu: Emulator): Client {
  return createClient({ frontendApi: emu.url, authMode: 'header' })
}

/** Creates a user through the Backend API and signs a fresh SDK client in as that user with a ticket. */
export async function signedInClient(emu: Emulator, userParams: Parameters<BackendClient['users']['createUser']>[0] = {}) {
  const backend = backendFor(emu)
  const backendUser: BackendUser = await backend.users.createUser(userParams)
  const { token } = await backend.signInTokens.createSignInToken({ userId: backendUser.id })
  const client = clientFor(emu)
  await client.signIn({ ticket: token })
  return { client, backend, backendUser }
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
