import type { EmulatorContext } from '../context.js'
import { sessionExists } from '../errors.js'
import type { ClientRecord } from '../state.js'

/** In single-session mode a client that already has an active, unexpired session cannot sign in or up again. */
export function assertCanStartSession(ctx: EmulatorContext, client: ClientRecord): void {
  if (!ctx.config.singleSessionMode) return
  const now = ctx.clock.now()
  const active = client.sessionIds.some((id) => {
    const session = ctx.store.sessions.get(id)
    return session !== undefined && session.status === 'active' && session.expireAt >= now
  })
  if (active) throw sessionExists()
}
