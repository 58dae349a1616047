import type { DialkitEvents } from '../events.js'
import { invalid } from '../client/config.js'
import type { SignInDeps } from './sign-in-ticket.js'

/** The strategy an SMS step takes; anything else is refused before I/O. */
export function requireStrategy<S extends string>(strategy: unknown, allowed: readonly S[]): S {
  if (!allowed.includes(strategy as S)) invalid('strategy', 'param_invalid', `strategy must be ${allowed.join(' or ')}`)
  return strategy as S
}

/**
 * Announces a sign-in or sign-up step once: `session:created` with the store's new session when the step
 * completed it (the piggybacked client already made the store `signed-in`), the resource's own event otherwise.
 */
export function announce<E extends 'signIn:updated' | 'signUp:updated'>(
  { context, store }: SignInDeps,
  event: E,
  next: Parameters<DialkitEvents[E]>[0],
): void {
  const session = store.get().session
  if (next.status === 'complete' && session && session.id === next.createdSessionId) context.events.emit('session:created', session)
  else (context.events.emit as (event: E, value: typeof next) => void)(event, next)
}
