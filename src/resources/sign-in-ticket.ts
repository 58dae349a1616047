import { DialkitError } from '../errors/index.js'
import type { SignInJSON } from '../wire/index.js'
import type { CallOptions } from './coalesce.js'
import type { ClientDeps } from './context.js'
import { requireString } from './guards.js'
import { runOperation } from './operation.js'
import type { Session } from './session.js'

/** The parts of a client a sign-in needs: where to send, and the store the answer lands in. */
export type SignInDeps = ClientDeps

/**
 * `POST /v1/client/sign_ins` with `strategy=ticket` (a sign-in token minted by a server); resolves once the
 * piggybacked client has the session. This is all of sign-in that `createClient()` reaches; the `SignIn`
 * resource is imported only by apps that use it.
 */
export async function signInWithTicket({ context, store }: SignInDeps, params: { ticket: string } & CallOptions): Promise<Session> {
  const ticket = requireString(params?.ticket, 'ticket')
  const build = (result: { response: unknown } | null) => {
    const status = (result?.response as SignInJSON | null)?.status
    const session = store.get().session
    if (status !== 'complete' || !session) throw new DialkitError(`Sign-in did not complete (status ${status})`)
    return session
  }
  const body = { strategy: 'ticket', ticket }
  return runOperation(context, { method: 'POST', path: '/client/sign_ins', body, build, emit: 'session:created' }, params)
}
