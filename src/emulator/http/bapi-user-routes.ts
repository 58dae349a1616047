import type { Hono } from 'hono'
import type { EmulatorContext } from '../context.js'
import { addPhoneNumber, claimableNumber } from '../domain/phone-numbers.js'
import { getUser, insertUser } from '../domain/users.js'
import { formIdentifierExists } from '../errors.js'
import { bapiUserJSON } from '../json/user-json.js'
import { readJson, validate } from './body.js'
import { CreateUserBody } from './bapi-schemas.js'
import type { AppEnv } from './types.js'

/** Checks every number before creating anything, so a bad second number leaves no half-made user. */
function checkNumbers(ctx: EmulatorContext, numbers: string[]): void {
  const seen = new Set<string>()
  for (const number of numbers) {
    const e164 = claimableNumber(ctx, number)
    if (seen.has(e164)) throw formIdentifierExists()
    seen.add(e164)
  }
}

/** POST /v1/users and GET /v1/users/{id}. */
export function registerBapiUserRoutes(app: Hono<AppEnv>, ctx: EmulatorContext): void {
  app.post('/v1/users', async (c) => {
    const body = validate(CreateUserBody, await readJson(c))
    const numbers = body.phone_number ?? []
    checkNumbers(ctx, numbers)
    const user = insertUser(ctx, {
      externalId: body.external_id ?? null,
      firstName: body.first_name ?? null,
      lastName: body.last_name ?? null,
      username: body.username ?? null,
      ...(body.public_metadata && { publicMetadata: body.public_metadata }),
      ...(body.private_metadata && { privateMetadata: body.private_metadata }),
      ...(body.unsafe_metadata && { unsafeMetadata: body.unsafe_metadata }),
    })
    numbers.forEach((phoneNumber, index) => {
      // Created verified by default; `reserved` means unverified but locked to this user.
      const status = body.phone_number_identification_status?.[index] ?? 'verified'
      addPhoneNumber(ctx, user, { phoneNumber, verified: status === 'verified', reserved: status === 'reserved', primary: index === 0 })
    })
    await ctx.changed()
    return c.json(bapiUserJSON(ctx.store, user, ctx.clock.now()))
  })
  app.get('/v1/users/:id', (c) => c.json(bapiUserJSON(ctx.store, getUser(ctx, c.req.param('id')), ctx.clock.now())))
}
