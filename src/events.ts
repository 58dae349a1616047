import { createNanoEvents, type Emitter } from 'nanoevents'
import { callListener } from './store/call-listener.js'
import type { ClientResource } from './resources/client-resource.js'
import type { PhoneNumber } from './resources/phone-number.js'
import type { Session } from './resources/session.js'
import type { SignIn } from './resources/sign-in.js'
import type { SignUp } from './resources/sign-up.js'
import type { User } from './resources/user.js'

/**
 * Every event dialkit emits, with its listener's signature. Each successful operation emits exactly one,
 * after the store already holds the new state.
 *
 * @example
 * ```ts
 * client.on('phoneNumber:updated', (phone) => render(phone))
 * client.on('session:removed', () => showSignIn())
 * ```
 */
export interface DialkitEvents {
  /** `client.load()` fetched the client. */
  'client:updated': (client: ClientResource | null) => void
  /** `client.signIn()`, or the sign-in or sign-up step that completed, created an active session. */
  'session:created': (session: Session) => void
  /** `client.signOut()` removed the session. */
  'session:removed': (session: Session) => void
  /** `user.update()`, `user.reload()` or `user.createBackupCode()` changed the user. */
  'user:updated': (user: User) => void
  /** `user.createPhoneNumber()` added a number. */
  'phoneNumber:created': (phoneNumber: PhoneNumber) => void
  /** prepare, attempt, second-factor changes and `reload()` on a number. */
  'phoneNumber:updated': (phoneNumber: PhoneNumber) => void
  /** A sign-in step that did not complete it (`SignIn.create`, prepare, an attempt needing another factor). */
  'signIn:updated': (signIn: SignIn) => void
  /** A sign-up step that did not complete it (`SignUp.create`, prepare, an attempt that left it incomplete). */
  'signUp:updated': (signUp: SignUp) => void
  /** `phone.destroy()` removed a number; the payload is the destroyed instance. */
  'phoneNumber:destroyed': (phoneNumber: PhoneNumber) => void
}

/** The name of a dialkit event. @example const name: DialkitEventName = 'phoneNumber:created' */
export type DialkitEventName = keyof DialkitEvents

/** A typed nanoevents emitter over {@link DialkitEvents}; internal, apps listen through `client.on()`. */
export type DialkitEmitter = Emitter<DialkitEvents>

/** Creates the typed emitter a client uses (internal: apps listen through `client.on()`). */
export function createEmitter(): DialkitEmitter {
  return createNanoEvents<DialkitEvents>()
}

/**
 * Adds an app's listener. nanoevents stops at the first throwing listener and throws into the emitter; here
 * the operation that emitted has already succeeded, so each listener is wrapped to run and only report its
 * error, and the listeners after it still run.
 */
export function listen<E extends DialkitEventName>(events: DialkitEmitter, event: E, listener: DialkitEvents[E]): () => void {
  return events.on(event, ((...args: unknown[]) => callListener(listener as (...payload: unknown[]) => void, ...args)) as never)
}
