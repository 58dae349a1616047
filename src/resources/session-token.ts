// session.getToken(): a cached, coalesced session JWT, in the lazily loaded session chunk (session-lazy.ts).
import { checkTimeout, invalid } from '../client/config.js'
import { createNetworkError } from '../errors/network-error.js'
import type { SessionDeps } from './client-operations.js'
import type { GetTokenOptions, ResourceContext } from './context.js'
import { runOperation } from './operation.js'
import type { Session } from './session.js'
import { readTokenLifetime } from './token-lifetime.js'

/** A new token is fetched this long before the cached one expires (Clerk's live 60 s), as clerk-js does. */
export const TOKEN_REFRESH_LEEWAY_MS = 10_000

interface CachedToken {
  readonly sessionId: string
  readonly jwt: string
  /** Device time (`Date.now()`) until which the token is handed out without asking the server. */
  readonly freshUntil: number
}

interface TokenState {
  cached: CachedToken | undefined
  /** Bumped whenever the active session changes: an answer to a request made before is neither cached nor returned. */
  generation: number
}

// One state per client (keyed by its context), made on its first call; it goes when the client does.
const states = new WeakMap<ResourceContext, TokenState>()

/**
 * `session.getToken()`: the cached token while it is fresh, else `POST /v1/client/sessions/{id}/tokens`
 * (coalesced: concurrent callers share one request). `null` when the session is not the client's active one.
 *
 * @throws ValidationError `param_invalid` (`skip_cache`, `signal`, `timeout`) before anything is sent
 */
export async function getToken(deps: SessionDeps, session: Session, options?: GetTokenOptions): Promise<string | null> {
  const skipCache = options?.skipCache
  if (skipCache !== undefined && typeof skipCache !== 'boolean') invalid('skip_cache', 'param_invalid')
  // runOperation's checks, made here too because a cached answer never reaches it: the same refusals before
  // anything happens, and a signal already aborted rejects as it would a request.
  const { signal, timeout } = options ?? {}
  if (signal !== undefined && typeof signal?.throwIfAborted !== 'function') invalid('signal', 'param_invalid')
  checkTimeout(timeout, 'param_invalid')
  if (signal?.aborted) throw createNetworkError('aborted', signal.reason)
  const state = stateOf(deps)
  if (activeSessionId(deps) !== session.id) return null
  const { cached, generation } = state
  if (!skipCache && cached?.sessionId === session.id && Date.now() < cached.freshUntil) return cached.jwt
  const path = `/client/sessions/${encodeURIComponent(session.id)}/tokens`
  const token = await runOperation(deps.context, { method: 'POST', path, build: readToken, coalesce: true }, { signal, timeout })
  // Signed out (or another session) while the request was out: that token proves a session that is gone.
  if (state.generation !== generation) return null
  state.cached = { sessionId: session.id, jwt: token.jwt, freshUntil: token.receivedAt + token.lifetimeMs - TOKEN_REFRESH_LEEWAY_MS }
  return token.jwt
}

function stateOf({ context, store }: SessionDeps): TokenState {
  const known = states.get(context)
  if (known) return known
  const state: TokenState = { cached: undefined, generation: 0 }
  let sessionId = store.get().session?.id
  // Sign-in, sign-out, a session ended elsewhere or in another tab: whatever changes the active session
  // reaches the store, so the store is what drops the cache.
  store.listen(({ session }) => {
    if (session?.id === sessionId) return
    sessionId = session?.id
    state.cached = undefined
    state.generation++
  })
  states.set(context, state)
  return state
}

function activeSessionId({ store }: SessionDeps): string | undefined {
  return store.get().session?.id
}

// The answer is Clerk's bare `{ object: 'token', jwt }`; a jwt whose lifetime cannot be read is not one.
function readToken(result: { response: unknown } | null) {
  const jwt = (result?.response as { jwt?: unknown } | null)?.jwt
  return { jwt: jwt as string, lifetimeMs: readTokenLifetime(jwt), receivedAt: Date.now() }
}
