import type { Context, Hono } from 'hono'
import type { EmulatorContext } from '../context.js'
import { deleteUser, findUsers, listUsers, updateUser, type UserFilter } from '../domain/user-admin.js'
import { bapiUserJSON } from '../json/user-json.js'
import { requireSecretKey } from './bapi-routes.js'
import { UpdateUserBody } from './bapi-schemas.js'
import { readJson, validate } from './body.js'
import { queryList, queryPage } from './query.js'
import type { AppEnv } from './types.js'

function userFilter(c: Context): UserFilter {
  const phoneNumber = queryList(c, 'phone_number')
  const externalId = queryList(c, 'external_id')
  const userId = queryList(c, 'user_id')
  return { ...(phoneNumber && { phoneNumber }), ...(externalId && { externalId }), ...(userId && { userId }) }
}

/**
 * `GET /v1/users` (a bare array, newest first by default), `GET /v1/users/count`, `PATCH` and `DELETE
 * /v1/users/{id}`. Registered before `GET /v1/users/{id}` so `count` is not taken for an id, hence the
 * secret-key check on each route.
 */
export function registerBapiUserAdminRoutes(app: Hono<AppEnv>, ctx: EmulatorContext): void {
  const auth = requireSecretKey(ctx)
  app.get('/v1/users', auth, (c) => {
    // Clerk keeps only the first order_by.
    const page = { ...queryPage(c), orderBy: c.req.query('order_by') || '-created_at' }
    const now = ctx.clock.now()
    return c.json(listUsers(ctx, userFilter(c), page).map((user) => bapiUserJSON(ctx.store, user, now)))
  })
  app.get('/v1/users/count', auth, (c) => c.json({ object: 'total_count', total_count: findUsers(ctx, userFilter(c)).length }))
  app.patch('/v1/users/:id', auth, async (c) => {
    const body = validate(UpdateUserBody, await readJson(c))
    const user = updateUser(ctx, c.req.param('id'), {
      externalId: body.external_id,
      firstName: body.first_name,
      lastName: body.last_name,
      username: body.username,
      primaryPhoneNumberId: body.primary_phone_number_id ?? undefined,
      publicMetadata: body.public_metadata,
      privateMetadata: body.private_metadata,
      unsafeMetadata: body.unsafe_metadata,
    })
    await ctx.changed()
    return c.json(bapiUserJSON(ctx.store, user, ctx.clock.now()))
  })
  app.delete('/v1/users/:id', auth, async (c) => {
    const user = deleteUser(ctx, c.req.param('id'))
    await ctx.changed()
    return c.json({ object: 'user', id: user.id, deleted: true })
  })
}
