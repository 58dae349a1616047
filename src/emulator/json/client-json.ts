import type { ClientRecord, SessionRecord, Store, UserRecord } from '../state.js'
import { signInJSON } from './sign-in-json.js'
import { signUpJSON } from './sign-up-json.js'
import { fapiUserJSON } from './user-json.js'

function publicUserData(store: Store, user: UserRecord) {
  const primary = user.primaryPhoneNumberId ? store.phoneNumbers.get(user.primaryPhoneNumberId) : undefined
  return {
    first_name: user.firstName,
    last_name: user.lastName,
    image_url: '',
    has_image: false,
    identifier: primary?.phoneNumber ?? user.username ?? user.externalId ?? user.id,
    user_id: user.id,
  }
}

/** FAPI `Client.Session-2`. */
export function sessionJSON(store: Store, session: SessionRecord, now: number) {
  const user = store.users.get(session.userId)
  return {
    id: session.id,
    object: 'session' as const,
    status: session.status,
    expire_at: session.expireAt,
    abandon_at: session.abandonAt,
    last_active_at: session.lastActiveAt,
    last_active_token: null,
    last_active_organization_id: null,
    actor: null,
    ...(user ? { user: fapiUserJSON(store, user, now), public_user_data: publicUserData(store, user) } : { public_user_data: null }),
    factor_verification_age: [0, -1],
    created_at: session.createdAt,
    updated_at: session.updatedAt,
  }
}

function signInOf(store: Store, client: ClientRecord, now: number) {
  const signIn = client.signInId ? store.signIns.get(client.signInId) : undefined
  return signIn ? signInJSON(store, signIn, now) : null
}

function signUpOf(store: Store, client: ClientRecord, now: number) {
  const signUp = client.signUpId ? store.signUps.get(client.signUpId) : undefined
  return signUp ? signUpJSON(signUp, now) : null
}

/** FAPI `Client.Client-2`: the whole piggybacked client state. */
export function clientJSON(store: Store, client: ClientRecord, now: number) {
  const sessions = client.sessionIds.flatMap((id) => {
    const session = store.sessions.get(id)
    return session && session.status === 'active' ? [sessionJSON(store, session, now)] : []
  })
  return {
    object: 'client' as const,
    id: client.id,
    sessions,
    sign_in: signInOf(store, client, now),
    sign_up: signUpOf(store, client, now),
    last_active_session_id: client.lastActiveSessionId,
    last_authentication_strategy: client.lastAuthenticationStrategy,
    cookie_expires_at: null,
    captcha_bypass: false,
    created_at: client.createdAt,
    updated_at: client.updatedAt,
  }
}

export type ClientJSONOut = ReturnType<typeof clientJSON>
