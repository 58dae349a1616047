import type { Hono } from 'hono'
import type { EmulatorContext } from '../context.js'
import { issueBackupCodes } from '../domain/backup-codes.js'
import { secondFactorPhones } from '../domain/sign-ins.js'
import { backupCodesNotAvailable } from '../errors.js'
import { createId } from '../ids.js'
import { resolveUser } from './fapi-auth.js'
import { respond } from './respond.js'
import type { AppEnv } from './types.js'

/** `POST /v1/me/backup_codes`: a new set of backup codes, shown once; the old ones stop working. */
export function registerFapiBackupCodeRoutes(app: Hono<AppEnv>, ctx: EmulatorContext): void {
  app.post('/v1/me/backup_codes', async (c) => {
    const { user } = await resolveUser(c, ctx)
    // Clerk offers backup codes only beside another second factor.
    if (secondFactorPhones(ctx, user).length === 0) throw backupCodesNotAvailable()
    const codes = issueBackupCodes(ctx, user)
    await ctx.changed()
    const now = ctx.clock.now()
    return respond(c, ctx, { object: 'backup_code' as const, id: createId('bcode'), codes, created_at: now, updated_at: now })
  })
}
