import type { Context, Hono, MiddlewareHandler } from 'hono'
import { timingSafeEqual } from 'node:crypto'
import type { EmulatorContext } from '../context.js'
import { addPhoneNumber, deletePhoneNumber, getPhone, setAdminVerified } from '../domain/phone-numbers.js'
import { setReserved } from '../domain/second-factor.js'
import { createSignInToken, DEFAULT_TICKET_SECONDS } from '../domain/sessions.js'
import { getUser, isVerified, touchUser } from '../domain/users.js'
import { authenticationInvalid, clerkKeyInvalid, formVerificationNeeded, identificationCreateSecondFactorUnverified } from '../errors.js'
import { phoneNumberJSON } from '../json/phone-number-json.js'
import type { PhoneRecord } from '../state.js'
import { readJson, validate } from './body.js'
import { CreatePhoneNumberBody, CreateSignInTokenBody, UpdatePhoneNumberBody } from './bapi-schemas.js'
import { registerBapiUserRoutes } from './bapi-user-routes.js'
import type { AppEnv } from './types.js'

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** `Authorization: Bearer <secret key>`; missing or wrong answers Clerk's 401 body. */
export function requireSecretKey(ctx: EmulatorContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization')
    if (!header) throw authenticationInvalid()
    const match = /^Bearer\s+(.+)$/i.exec(header.trim())
    if (!match || !sameSecret(match[1]!, ctx.config.secretKey)) throw clerkKeyInvalid()
    await next()
  }
}

function phoneResponse(c: Context<AppEnv>, ctx: EmulatorContext, phone: PhoneRecord, backupCodes: string[] | null = null) {
  return c.json(phoneNumberJSON(phone, ctx.clock.now(), backupCodes))
}

function registerPhoneNumbers(app: Hono<AppEnv>, ctx: EmulatorContext): void {
  app.post('/v1/phone_numbers', async (c) => {
    const body = validate(CreatePhoneNumberBody, await readJson(c))
    const user = getUser(ctx, body.user_id)
    const { phone, backupCodes } = addPhoneNumber(ctx, user, {
      phoneNumber: body.phone_number,
      verified: body.verified ?? false,
      ...(body.primary != null && { primary: body.primary }),
      reservedForSecondFactor: body.reserved_for_second_factor ?? false,
    })
    await ctx.changed()
    return phoneResponse(c, ctx, phone, backupCodes)
  })
  app.get('/v1/phone_numbers/:id', (c) => phoneResponse(c, ctx, getPhone(ctx, c.req.param('id'))))
  app.patch('/v1/phone_numbers/:id', async (c) => {
    const body = validate(UpdatePhoneNumberBody, await readJson(c))
    const phone = getPhone(ctx, c.req.param('id'))
    const user = getUser(ctx, phone.userId)
    if (body.reserved_for_second_factor && !(body.verified ?? isVerified(phone))) throw identificationCreateSecondFactorUnverified()
    if (body.primary && !(body.verified ?? isVerified(phone))) throw formVerificationNeeded('primary')
    if (body.verified != null) setAdminVerified(ctx, user, phone, body.verified)
    if (body.primary) user.primaryPhoneNumberId = phone.id
    // Un-verifying has already released the second factor; setReserved would refuse the now unverified number.
    const release = body.reserved_for_second_factor === false && body.verified === false
    const backupCodes = body.reserved_for_second_factor != null && !release ? setReserved(ctx, user, phone, body.reserved_for_second_factor) : null
    touchUser(ctx, user)
    await ctx.changed()
    return phoneResponse(c, ctx, phone, backupCodes)
  })
  app.delete('/v1/phone_numbers/:id', async (c) => {
    const phone = getPhone(ctx, c.req.param('id'))
    deletePhoneNumber(ctx, phone)
    await ctx.changed()
    return c.json({ object: 'phone_number', id: phone.id, deleted: true })
  })
}

/** BAPI: users, phone numbers and sign-in tokens, all behind the secret key. */
export function registerBapiRoutes(app: Hono<AppEnv>, ctx: EmulatorContext): void {
  for (const path of ['/v1/users', '/v1/users/*', '/v1/phone_numbers', '/v1/phone_numbers/*', '/v1/sign_in_tokens']) {
    app.use(path, requireSecretKey(ctx))
  }
  registerBapiUserRoutes(app, ctx)
  registerPhoneNumbers(app, ctx)
  app.post('/v1/sign_in_tokens', async (c) => {
    const body = validate(CreateSignInTokenBody, await readJson(c))
    const token = createSignInToken(ctx, body.user_id, body.expires_in_seconds ?? DEFAULT_TICKET_SECONDS)
    await ctx.changed()
    return c.json({
      object: 'sign_in_token',
      id: token.id,
      status: token.status,
      user_id: token.userId,
      token: token.token,
      url: `${ctx.config.baseUrl}/v1/tickets/accept?ticket=${token.token}`,
      created_at: token.createdAt,
      updated_at: token.updatedAt,
    })
  })
}
