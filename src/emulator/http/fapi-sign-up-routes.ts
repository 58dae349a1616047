import type { Context, Hono } from 'hono'
import * as v from 'valibot'
import type { EmulatorContext } from '../context.js'
import { attemptSignUp, createSignUp, currentSignUp, findSignUp, prepareSignUp } from '../domain/sign-ups.js'
import { formParamNil, formParamTypeInvalid, formParamUnknown, formParamValueInvalid } from '../errors.js'
import { signUpJSON } from '../json/sign-up-json.js'
import { readForm, validate } from './body.js'
import { resolveClient } from './fapi-auth.js'
import { respond } from './respond.js'
import { smsHost } from './sms-host.js'
import type { AppEnv } from './types.js'

// Loose forms: clerk-js adds `locale` and captcha fields on create, `channel` on prepare. Identifiers
// other than the phone number are not emulated and are refused rather than silently dropped.
const optionalString = v.optional(v.nullable(v.string()))
const CreateForm = v.looseObject({
  phone_number: optionalString,
  strategy: optionalString,
  first_name: optionalString,
  last_name: optionalString,
  unsafe_metadata: optionalString,
})
const StepForm = v.looseObject({ strategy: v.string(), code: optionalString })
const UNSUPPORTED = ['email_address', 'email_address_or_phone_number', 'password', 'username', 'web3_wallet', 'ticket', 'transfer']
const ITEM = '/v1/client/sign_ups/:sign_up_id'

function metadata(text: string | null | undefined): Record<string, unknown> {
  if (!text) return {}
  try {
    const parsed: unknown = JSON.parse(text)
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>
  } catch {
    // answered below
  }
  throw formParamTypeInvalid('unsafe_metadata')
}

async function create(c: Context<AppEnv>, ctx: EmulatorContext) {
  const client = await resolveClient(c, ctx)
  const fields = await readForm(c)
  const unsupported = UNSUPPORTED.find((key) => fields[key] != null)
  if (unsupported) throw formParamUnknown(unsupported)
  const form = validate(CreateForm, fields)
  if (form.strategy != null && form.strategy !== 'phone_code') throw formParamValueInvalid('strategy')
  if (!form.phone_number) throw formParamNil('phone_number')
  const input = { phoneNumber: form.phone_number, firstName: form.first_name ?? null, lastName: form.last_name ?? null, unsafeMetadata: metadata(form.unsafe_metadata) }
  const signUp = createSignUp(ctx, client, input, form.strategy === 'phone_code' ? { host: smsHost(c, ctx) } : null)
  await ctx.changed()
  return respond(c, ctx, signUpJSON(signUp, ctx.clock.now()))
}

/** Sign-up with a phone number: create, read, send the code and check it (completion signs the new user in). */
export function registerFapiSignUpRoutes(app: Hono<AppEnv>, ctx: EmulatorContext): void {
  app.post('/v1/client/sign_ups', (c) => create(c, ctx))
  app.get(ITEM, async (c) => {
    const client = await resolveClient(c, ctx)
    return respond(c, ctx, signUpJSON(findSignUp(ctx, client, c.req.param('sign_up_id')), ctx.clock.now()))
  })
  app.post(`${ITEM}/prepare_verification`, async (c) => {
    const client = await resolveClient(c, ctx)
    const form = validate(StepForm, await readForm(c))
    const signUp = currentSignUp(ctx, client, c.req.param('sign_up_id'))
    if (form.strategy !== 'phone_code') throw formParamValueInvalid('strategy')
    prepareSignUp(ctx, signUp, smsHost(c, ctx))
    await ctx.changed()
    return respond(c, ctx, signUpJSON(signUp, ctx.clock.now()))
  })
  app.post(`${ITEM}/attempt_verification`, async (c) => {
    const client = await resolveClient(c, ctx)
    const form = validate(StepForm, await readForm(c))
    const signUp = currentSignUp(ctx, client, c.req.param('sign_up_id'))
    if (form.strategy !== 'phone_code') throw formParamValueInvalid('strategy')
    try {
      attemptSignUp(ctx, client, signUp, form.code ?? null)
    } finally {
      await ctx.changed()
    }
    return respond(c, ctx, signUpJSON(signUp, ctx.clock.now()))
  })
}
