import type { Hono } from 'hono'
import * as v from 'valibot'
import type { EmulatorContext } from '../context.js'
import { addPhoneNumber, deletePhoneNumber, ownPhone } from '../domain/phone-numbers.js'
import { updateSecondFactor } from '../domain/second-factor.js'
import { checkProfile } from '../domain/profile.js'
import { setPrimaryPhone } from '../domain/users.js'
import { attemptVerification, prepareVerification } from '../domain/verification.js'
import { formParamNil } from '../errors.js'
import { phoneNumberJSON } from '../json/phone-number-json.js'
import { fapiUserJSON } from '../json/user-json.js'
import { formBoolean, readForm, validate } from './body.js'
import { resolveUser } from './fapi-auth.js'
import { attachClientToken, respond } from './respond.js'
import { smsHost } from './sms-host.js'
import type { AppEnv } from './types.js'

const optionalString = v.optional(v.nullable(v.string()))
const CreateForm = v.strictObject({ phone_number: optionalString, reserved_for_second_factor: formBoolean })
const UpdateForm = v.strictObject({ reserved_for_second_factor: formBoolean, default_second_factor: formBoolean })
const PrepareForm = v.strictObject({ strategy: v.optional(v.picklist(['phone_code'])) })
const AttemptForm = v.strictObject({ code: optionalString, strategy: v.optional(v.picklist(['phone_code'])) })
const EmptyForm = v.strictObject({})
// PATCH /me: the primary number and the profile fields are applied; the spec's other fields are accepted as strings.
const MeForm = v.strictObject({
  primary_phone_number_id: optionalString,
  first_name: optionalString,
  last_name: optionalString,
  username: optionalString,
  unsafe_metadata: optionalString,
  primary_email_address_id: optionalString,
  primary_web3_wallet_id: optionalString,
})

function registerMe(app: Hono<AppEnv>, ctx: EmulatorContext): void {
  app.get('/v1/me', async (c) => {
    const { user } = await resolveUser(c, ctx)
    return respond(c, ctx, fapiUserJSON(ctx.store, user, ctx.clock.now()))
  })
  app.patch('/v1/me', async (c) => {
    const { user } = await resolveUser(c, ctx)
    const form = validate(MeForm, await readForm(c))
    // Every check that can refuse runs before any change, so a refused request changes nothing.
    const applyProfile = checkProfile(ctx, user, form)
    if (form.primary_phone_number_id) setPrimaryPhone(ctx, user, form.primary_phone_number_id)
    applyProfile()
    await ctx.changed()
    return respond(c, ctx, fapiUserJSON(ctx.store, user, ctx.clock.now()))
  })
}

function registerCollection(app: Hono<AppEnv>, ctx: EmulatorContext): void {
  app.get('/v1/me/phone_numbers', async (c) => {
    const { user, client } = await resolveUser(c, ctx)
    const now = ctx.clock.now()
    attachClientToken(c, client)
    // The spec's Server.UserPhoneNumbers is a plain array, not an envelope.
    return c.json(user.phoneNumberIds.flatMap((id) => {
      const phone = ctx.store.phoneNumbers.get(id)
      return phone ? [phoneNumberJSON(phone, now)] : []
    }))
  })
  app.post('/v1/me/phone_numbers', async (c) => {
    const { user } = await resolveUser(c, ctx)
    const form = validate(CreateForm, await readForm(c))
    if (!form.phone_number) throw formParamNil('phone_number')
    // reserved_for_second_factor on create needs a verified number, which a FAPI-created one never is.
    const { phone } = addPhoneNumber(ctx, user, {
      phoneNumber: form.phone_number,
      reservedForSecondFactor: form.reserved_for_second_factor ?? false,
      // An unverified number never takes the primary slot; verifying it does (see attemptVerification).
      primary: false,
    })
    await ctx.changed()
    return respond(c, ctx, phoneNumberJSON(phone, ctx.clock.now()))
  })
}

function registerItem(app: Hono<AppEnv>, ctx: EmulatorContext): void {
  const path = '/v1/me/phone_numbers/:phone_number_id'
  app.get(path, async (c) => {
    const { user } = await resolveUser(c, ctx)
    const phone = ownPhone(ctx, user, c.req.param('phone_number_id'))
    return respond(c, ctx, phoneNumberJSON(phone, ctx.clock.now()))
  })
  app.patch(path, async (c) => {
    const { user } = await resolveUser(c, ctx)
    const form = validate(UpdateForm, await readForm(c))
    const phone = ownPhone(ctx, user, c.req.param('phone_number_id'))
    const backupCodes = updateSecondFactor(ctx, user, phone, {
      reserved: form.reserved_for_second_factor,
      makeDefault: form.default_second_factor,
    })
    await ctx.changed()
    return respond(c, ctx, phoneNumberJSON(phone, ctx.clock.now(), backupCodes))
  })
  app.delete(path, async (c) => {
    const { user } = await resolveUser(c, ctx)
    validate(EmptyForm, await readForm(c))
    const phone = ownPhone(ctx, user, c.req.param('phone_number_id'))
    deletePhoneNumber(ctx, phone)
    await ctx.changed()
    return respond(c, ctx, { object: 'phone_number', id: phone.id, deleted: true })
  })
}

function registerVerification(app: Hono<AppEnv>, ctx: EmulatorContext): void {
  const path = '/v1/me/phone_numbers/:phone_number_id'
  app.post(`${path}/prepare_verification`, async (c) => {
    const { user } = await resolveUser(c, ctx)
    validate(PrepareForm, await readForm(c))
    const phone = ownPhone(ctx, user, c.req.param('phone_number_id'))
    prepareVerification(ctx, phone, smsHost(c, ctx))
    await ctx.changed()
    return respond(c, ctx, phoneNumberJSON(phone, ctx.clock.now()))
  })
  app.post(`${path}/attempt_verification`, async (c) => {
    const { user, client } = await resolveUser(c, ctx)
    const form = validate(AttemptForm, await readForm(c))
    const phone = ownPhone(ctx, user, c.req.param('phone_number_id'))
    try {
      attemptVerification(ctx, phone, form.code ?? null, client.id)
    } finally {
      // A wrong code changes state too (attempts, failed); persist it before answering either way.
      await ctx.changed()
    }
    return respond(c, ctx, phoneNumberJSON(phone, ctx.clock.now()))
  })
}

/** GET|PATCH /v1/me and the seven /v1/me/phone_numbers operations. */
export function registerFapiMeRoutes(app: Hono<AppEnv>, ctx: EmulatorContext): void {
  registerMe(app, ctx)
  registerCollection(app, ctx)
  registerItem(app, ctx)
  registerVerification(app, ctx)
}
