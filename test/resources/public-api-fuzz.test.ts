// Fuzzes every public method of the browser entry that takes input: whatever replaces its params, one of their
// fields, or the per-call signal and timeout, it settles with a dialkit error or a result, never a raw
// TypeError, and a refusal (ValidationError) has sent nothing.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SignIn, SignUp, createClient, createVerificationFlow, isDialkitError, isValidationError, parsePhone, type DialkitClient } from '../../src/index.js'
import { jsonResponse } from '../support/fake-fetch.js'
import { clientJSON, envelope, phoneJSON, userJSON, verificationJSON } from './fixtures.js'
import { signedIn } from './harness.js'
import { phoneSignInJSON } from './sign-in-harness.js'

const signUpJSON = { id: 'sua_1', object: 'sign_up_attempt', status: 'missing_requirements', phone_number: '+12015550123', missing_fields: [], unverified_fields: ['phone_number'], verifications: { phone_number: null }, created_session_id: null, created_user_id: null } as never

type Call = (client: DialkitClient, params: Record<string, unknown>) => Promise<unknown>

// Each method with params that would be accepted; the fuzz replaces them, or one of their fields, with anything.
const METHODS: Array<[string, Call, Record<string, unknown>]> = [
  ['client.load', (c, p) => c.load(p), {}],
  ['client.signIn', (c, p) => c.signIn(p as never), { ticket: 'tok' }],
  ['client.signOut', (c, p) => c.signOut(p), {}],
  ['user.update', (c, p) => c.user!.update(p as never), { primaryPhoneNumberId: 'idn_1' }],
  ['user.reload', (c, p) => c.user!.reload(p), {}],
  ['user.createBackupCode', (c, p) => c.user!.createBackupCode(p), {}],
  ['user.createPhoneNumber', (c, p) => c.user!.createPhoneNumber(p as never), { phoneNumber: '2015550124', defaultCountry: 'US' }],
  ['phone.prepareVerification', (c, p) => c.user!.phoneNumbers[0]!.prepareVerification(p), {}],
  ['phone.attemptVerification', (c, p) => c.user!.phoneNumbers[0]!.attemptVerification(p as never), { code: '424242' }],
  ['phone.setReservedForSecondFactor', (c, p) => c.user!.phoneNumbers[0]!.setReservedForSecondFactor(p as never), { reserved: true }],
  ['phone.makeDefaultSecondFactor', (c, p) => c.user!.phoneNumbers[0]!.makeDefaultSecondFactor(p), {}],
  ['phone.reload', (c, p) => c.user!.phoneNumbers[0]!.reload(p), {}],
  ['phone.destroy', (c, p) => c.user!.phoneNumbers[0]!.destroy(p), {}],
  ['session.getToken', (c, p) => c.session!.getToken(p), { skipCache: true }],
  ['SignIn.create', (c, p) => SignIn.create(c, p as never), { identifier: '2015550123', defaultCountry: 'US' }],
  ['signIn.prepareFirstFactor', (c, p) => SignIn.fromJSON(phoneSignInJSON(), c).prepareFirstFactor(p as never), { strategy: 'phone_code', phoneNumberId: 'idn_typed' }],
  ['signIn.attemptFirstFactor', (c, p) => SignIn.fromJSON(phoneSignInJSON(), c).attemptFirstFactor(p as never), { strategy: 'phone_code', code: '424242' }],
  ['signIn.prepareSecondFactor', (c, p) => SignIn.fromJSON(phoneSignInJSON(), c).prepareSecondFactor(p as never), { strategy: 'phone_code' }],
  ['signIn.attemptSecondFactor', (c, p) => SignIn.fromJSON(phoneSignInJSON(), c).attemptSecondFactor(p as never), { strategy: 'backup_code', code: 'abcd1234' }],
  ['signIn.reload', (c, p) => SignIn.fromJSON(phoneSignInJSON(), c).reload(p), {}],
  ['SignUp.create', (c, p) => SignUp.create(c, p as never), { phoneNumber: '+12015550123' }],
  ['signUp.preparePhoneNumberVerification', (c, p) => SignUp.fromJSON(signUpJSON, c).preparePhoneNumberVerification(p), {}],
  ['signUp.attemptPhoneNumberVerification', (c, p) => SignUp.fromJSON(signUpJSON, c).attemptPhoneNumberVerification(p as never), { code: '424242' }],
  ['signUp.reload', (c, p) => SignUp.fromJSON(signUpJSON, c).reload(p), {}],
]

// Anything JSON or JavaScript code would plausibly pass by mistake (no Symbols or prototype-less objects:
// those only reach String() in messages, see the report), plus the classic wrong signals.
const wrong = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom<unknown>(new AbortController(), new URL('http://localhost:4010'), new Date(0), () => 'x', Number.NaN, 2 ** 31, -1, 0),
)

/** Which params to send: all of them replaced, one field replaced, or signal/timeout set to anything. */
const damaged = (good: Record<string, unknown>) =>
  fc.oneof(
    wrong,
    fc.tuple(fc.constantFrom(...Object.keys(good), 'signal', 'timeout'), wrong).map(([key, value]) => ({ ...good, [key]: value })),
  )

describe('the public API under damaged input', () => {
  it.each(METHODS)('%s settles with a dialkit error or a result, and a refusal sends nothing', async (_name, call, good) => {
    await fc.assert(
      fc.asyncProperty(damaged(good), async (params) => {
        const h = await signedIn([phoneJSON({ verification: verificationJSON() })])
        h.reply(() => jsonResponse(200, envelope(phoneJSON(), clientJSON(userJSON([phoneJSON()])))))
        const outcome = await call(h.client, params as Record<string, unknown>).then(
          () => undefined,
          (error: unknown) => error,
        )
        if (outcome === undefined) return
        expect(isDialkitError(outcome), String(outcome)).toBe(true)
        if (isValidationError(outcome)) expect(h.sent).toEqual([])
      }),
      { numRuns: 40 },
    )
  })

  it('createClient settles with a client or a dialkit error whatever one option is', () => {
    const good = { frontendApi: 'http://localhost:4010', authMode: 'header', fetch: () => Promise.reject(new Error('no network')), crossTab: false }
    const keys = ['frontendApi', 'publishableKey', 'authMode', 'fetch', 'timeout', 'retry', 'crossTab', 'tokenStorage']
    fc.assert(
      fc.property(fc.oneof(wrong, fc.tuple(fc.constantFrom(...keys), wrong).map(([key, value]) => ({ ...good, [key]: value }))), (options) => {
        try {
          createClient(options as never).close()
        } catch (error) {
          expect(isDialkitError(error), String(error)).toBe(true)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('parsePhone and createVerificationFlow settle with a dialkit error whatever they are given', async () => {
    await fc.assert(
      fc.asyncProperty(wrong, wrong, async (input, options) => {
        const parsed = await parsePhone(input as string, options as never).catch((error: unknown) => error)
        if (typeof parsed != 'string') expect(isDialkitError(parsed), String(parsed)).toBe(true)
        try {
          createVerificationFlow(input as never, options as never).destroy()
        } catch (error) {
          expect(isDialkitError(error), String(error)).toBe(true)
        }
      }),
      { numRuns: 200 },
    )
  })
})
