import type { FapiResult } from '../client/transport.js'
import { invalid } from '../client/config.js'
import type { BackupCodeJSON } from '../wire/index.js'
import type { CallOptions } from './coalesce.js'
import type { ResourceContext } from './context.js'
import type { runOperation } from './operation.js'
import type { UserConstructor } from './user.js'
import { toDate } from './json.js'

/**
 * A new set of backup codes from `user.createBackupCode()` (clerk-js's `BackupCodeResource`). Frozen. The
 * server sends the codes in this one answer only and keeps nothing it could show again, so show them now
 * (and let the user copy or download them).
 *
 * @example
 * ```ts
 * const { codes } = await client.user!.createBackupCode()
 * codes.length // 10; every earlier code stopped working
 * ```
 */
export interface BackupCode {
  /** Clerk's id of this set. */
  readonly id: string
  /** The new codes, frozen; each works once, as a sign-in's second factor (`strategy: 'backup_code'`). */
  readonly codes: readonly string[]
  /** From the wire's Unix ms `created_at`; `null` only if the server omitted it. */
  readonly createdAt: Date | null
  /** From the wire's Unix ms `updated_at`; `null` only if the server omitted it. */
  readonly updatedAt: Date | null
}

/**
 * `POST /v1/me/backup_codes`: a new set of backup codes for the signed-in user; the old ones stop working.
 * The piggybacked client brings the store the user's new state, which is announced with `user:updated`.
 * A lazy chunk of its own: regenerating codes is rare, so the first load does not carry it.
 */
export function createBackupCode(options: CallOptions | undefined, context: ResourceContext, _UserClass: UserConstructor, run: typeof runOperation): Promise<BackupCode> {
  const build = (result: FapiResult | null): BackupCode => {
    const { id, codes, created_at, updated_at } = (result?.response ?? {}) as Partial<BackupCodeJSON>
    // The id and every code are strings.
    if (!Array.isArray(codes) || [id, ...codes].some((value) => typeof value != 'string')) invalid('response', 'json_invalid')
    // The piggybacked client already brought the store the user's new state (the transport feeds it before
    // this runs): announce that very instance. A client's context always has `user`.
    const user = context.user!()
    if (user) context.events.emit('user:updated', user)
    return Object.freeze({ id: id as string, codes: Object.freeze(codes), createdAt: toDate(created_at), updatedAt: toDate(updated_at) })
  }
  return run(context, { method: 'POST', path: '/me/backup_codes', build }, options)
}
