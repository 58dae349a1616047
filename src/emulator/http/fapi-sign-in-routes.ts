import type { Context, Hono } from 'hono'
import * as v from 'valibot'
import type { EmulatorContext } from '../context.js'
import { signInWithTicket } from '../domain/sessions.js'
import { attemptFirstFactor, attemptSecondFactor, prepareFirstFactor, prepareSecondFactor } from '../domain/sign-in-factors.js'
import { createPhoneSignIn, currentSignIn, findSignIn } from '../domain/sign-ins.js'
import { assertCanStartSession } from '../domain/single-session.js'
import { formParamNil, formParamValueInvalid } from '../errors.js'
import { completedSignInJSON, signInJSON } from '../json/sign-in-json.js'
import type { ClientRecord, SignInRecord } from '../state.js'
import { readForm, validate } from './body.js'
import { resolveClient } from './fapi-auth.js'
import { respond } from './respond.js'
import { smsHost } from './sms-host.js'
import type { AppEnv } from './types.js'

// Loose forms: clerk-js sends fields the spec does not list (`locale` on create, `default` and `channel`
// on prepare) and none of these request schemas forbids extra properties. Only phone_code and ticket
// are emulated; password, email, OAuth and passkeys are out of scope.
const optionalString = v.optional(v.nullable(v.string()))
const CreateForm = v.looseObject({ strategy: optionalString, identifier: optionalString, ticket: optionalString })
const PrepareForm = v.looseObject({ strategy: v.string(), phone_number_id: optionalString })
const PrepareSecondForm = v.looseObject({ strategy: optionalString, phone_number_id: optionalString })
const AttemptForm = v.looseObject({ strategy: v.string(), code: optionalString })

const ITEM = '/v1/client/sign_ins/:sign_in_id'

type Step = (client: ClientRecord, signIn: SignInRecord, form: Record<string, unknown>, c: Context<AppEnv>) => void

async function create(c: Context<AppEnv>, ctx: EmulatorContext) {
  const client = await resolveClient(c, ctx)
  const form = validate(CreateForm, await readForm(c))
  if (form.strategy === 'ticket') {
    if (typeof form.ticket !== 'string') throw formParamNil('ticket')
    assertCanStartSession(ctx, client)
    const { user, session } = signInWithTicket(ctx, client, form.ticket)
    await ctx.changed()
    return respond(c, ctx, completedSignInJSON(user, session))
  }
  if (form.strategy != null && form.strategy !== 'phone_code') throw formParamValueInvalid('strategy')
  if (!form.identifier) throw formParamNil('identifier')
  const sendNow = form.strategy === 'phone_code' ? { host: smsHost(c, ctx) } : null
  const signIn = createPhoneSignIn(ctx, client, form.identifier, sendNow)
  await ctx.changed()
  return respond(c, ctx, signInJSON(ctx.store, signIn, ctx.clock.now()))
}

/** One factor step on the client's current sign-in; a refused attempt still persists what it counted. */
function step<TSchema extends v.GenericSchema>(ctx: EmulatorContext, schema: TSchema, run: Step) {
  return async (c: Context<AppEnv>) => {
    const client = await resolveClient(c, ctx)
    const form = validate(schema, await readForm(c)) as Record<string, unknown>
    const signIn = currentSignIn(ctx, client, c.req.param('sign_in_id')!)
    try {
      run(client, signIn, form, c)
    } finally {
      await ctx.changed()
    }
    return respond(c, ctx, signInJSON(ctx.store, signIn, ctx.clock.now()))
  }
}

const text = (value: unknown) => value as string | null | undefined

/** Sign-in: create (phone identifier, with or without `strategy=phone_code`; or a ticket), read, and the factor steps. */
export function registerFapiSignInRoutes(app: Hono<AppEnv>, ctx: EmulatorContext): void {
  app.post('/v1/client/sign_ins', (c) => create(c, ctx))
  app.get(ITEM, async (c) => {
    const client = await resolveClient(c, ctx)
    return respond(c, ctx, signInJSON(ctx.store, findSignIn(ctx, client, c.req.param('sign_in_id')), ctx.clock.now()))
  })
  app.post(
    `${ITEM}/prepare_first_factor`,
    step(ctx, PrepareForm, (_client, signIn, form, c) =>
      prepareFirstFactor(ctx, signIn, { strategy: text(form.strategy), phoneNumberId: text(form.phone_number_id) }, smsHost(c, ctx)),
    ),
  )
  app.post(
    `${ITEM}/attempt_first_factor`,
    step(ctx, AttemptForm, (client, signIn, form) => attemptFirstFactor(ctx, client, signIn, { strategy: text(form.strategy), code: text(form.code) })),
  )
  app.post(
    `${ITEM}/prepare_second_factor`,
    step(ctx, PrepareSecondForm, (_client, signIn, form, c) =>
      prepareSecondFactor(ctx, signIn, { strategy: text(form.strategy), phoneNumberId: text(form.phone_number_id) }, smsHost(c, ctx)),
    ),
  )
  app.post(
    `${ITEM}/attempt_second_factor`,
    step(ctx, AttemptForm, (client, signIn, form) => attemptSecondFactor(ctx, client, signIn, { strategy: text(form.strategy), code: text(form.code) })),
  )
}
