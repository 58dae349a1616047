import { phoneHelpersReady, type PhoneNumber, type SessionState, type User } from 'dialkit'
import { useSyncExternalStore } from 'react'
import { useClient } from './provider.js'

// What the server renders and what hydration starts from: nothing is known about the visitor before
// `client.load()` ran in the browser, so both sides agree and no `window` is touched.
const SERVER_STATE: SessionState = Object.freeze({ status: 'unloaded', client: null, session: null, user: null })
const NO_PHONES: readonly PhoneNumber[] = Object.freeze([])
const notReady = () => false

/**
 * The client's session state (`client.store`) through `useSyncExternalStore`: concurrent-safe, and on the
 * server (and during hydration) the `unloaded` state. Re-renders only when the store announces a change.
 *
 * @example
 * ```tsx
 * const { status, user } = useSessionState()
 * if (status === 'unloaded') return <Spinner />
 * return status === 'signed-in' ? <Account user={user!} /> : <SignIn />
 * ```
 */
export function useSessionState(): SessionState {
  const { store } = useClient()
  return useSyncExternalStore(store.listen, store.get, () => SERVER_STATE)
}

/**
 * The signed-in user, `null` when signed out, not loaded yet, or on the server.
 *
 * @example
 * ```tsx
 * const user = useUser()
 * return user ? <p>{user.phoneNumbers.length} numbers</p> : null
 * ```
 */
export function useUser(): User | null {
  return useSessionState().user
}

/**
 * The signed-in user's phone numbers (empty when signed out), ready to display: it loads the phone
 * helpers and re-renders once they are there, so `phone.format()` shows `+1 201 555 0123` rather than the
 * raw E.164 it returns before (after a reload, say).
 *
 * @example
 * ```tsx
 * const phones = usePhoneNumbers()
 * return <ul>{phones.map((phone) => <li key={phone.id}>{phone.format('national')}</li>)}</ul>
 * ```
 */
export function usePhoneNumbers(): readonly PhoneNumber[] {
  const user = useUser()
  usePhoneHelpersReady()
  return user?.phoneNumbers ?? NO_PHONES
}

/**
 * Whether the phone helpers (the lazy libphonenumber-js chunk behind `format()`, `parsePhone()` and the
 * as-you-type formatter) have loaded; the first component that asks starts the load and re-renders when
 * it is done. `false` on the server and during hydration.
 *
 * @example
 * ```tsx
 * const ready = usePhoneHelpersReady()
 * return <span aria-busy={!ready}>{phone.format('international')}</span>
 * ```
 */
export function usePhoneHelpersReady(): boolean {
  return useSyncExternalStore(phoneHelpersReady.listen, phoneHelpersReady.get, notReady)
}
