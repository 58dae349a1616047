import { describe, expect, it } from 'vitest'
import { ApiResponseError, ValidationError, type DialkitClient } from '../../src/index.js'
import { contextOf } from '../../src/resources/context.js'
import { runOperation } from '../../src/resources/operation.js'
import { jsonResponse } from '../support/fake-fetch.js'
import { clientJSON, envelope, errorsJSON, phoneJSON, userJSON, verificationJSON } from './fixtures.js'
import { signedIn } from './harness.js'

const prepared = phoneJSON({ verification: verificationJSON() })
const answer = () => jsonResponse(200, envelope(prepared, clientJSON(userJSON([prepared]))))

/** Every public operation that takes per-call options, on a signed-in client whose user has one number. */
const OPERATIONS: Array<[string, (client: DialkitClient, options: object) => Promise<unknown>]> = [
  ['client.load', (client, options) => client.load(options as never)],
  ['client.signIn', (client, options) => client.signIn({ ticket: 'tok', ...options })],
  ['client.signOut', (client, options) => client.signOut(options as never)],
  ['user.update', (client, options) => client.user!.update({ primaryPhoneNumberId: 'idn_1', ...options })],
  ['user.reload', (client, options) => client.user!.reload(options as never)],
  ['user.createPhoneNumber', (client, options) => client.user!.createPhoneNumber({ phoneNumber: '+12015550123', ...options })],
  ['phone.prepareVerification', (client, options) => client.user!.phoneNumbers[0]!.prepareVerification(options as never)],
  ['phone.attemptVerification', (client, options) => client.user!.phoneNumbers[0]!.attemptVerification({ code: '424242', ...options })],
  ['phone.setReservedForSecondFactor', (client, options) => client.user!.phoneNumbers[0]!.setReservedForSecondFactor({ reserved: true, ...options })],
  ['phone.makeDefaultSecondFactor', (client, options) => client.user!.phoneNumbers[0]!.makeDefaultSecondFactor(options as never)],
  ['phone.reload', (client, options) => client.user!.phoneNumbers[0]!.reload(options as never)],
  ['phone.destroy', (client, options) => client.user!.phoneNumbers[0]!.destroy(options as never)],
  ['session.getToken', (client, options) => client.session!.getToken(options as never)],
]

const BAD_SIGNALS: Array<[string, unknown]> = [
  ['an AbortController', new AbortController()],
  ['null', null],
  ['a string', 'abort'],
  ['a plain object with aborted', { aborted: false }],
]
const BAD_TIMEOUTS: unknown[] = [0, -1, Number.NaN, '5000', 2 ** 31, Number.POSITIVE_INFINITY, null]

describe('per-call signal and timeout', () => {
  describe.each(OPERATIONS)('%s', (_name, call) => {
    it.each(BAD_SIGNALS)('refuses %s as signal before sending anything', async (_label, signal) => {
      const h = await signedIn([phoneJSON()])
      const error = await call(h.client, { signal }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ValidationError)
      expect(error).toMatchObject({ code: 'param_invalid', paramName: 'signal' })
      expect(h.sent).toEqual([])
      expect(h.events).toEqual([])
    })

    it.each(BAD_TIMEOUTS)('refuses the timeout %j before sending anything', async (timeout) => {
      const h = await signedIn([phoneJSON()])
      const error = await call(h.client, { timeout }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ValidationError)
      expect(error).toMatchObject({ code: 'param_invalid', paramName: 'timeout' })
      expect(h.sent).toEqual([])
      expect(h.events).toEqual([])
    })
  })

  it('accepts 1 ms up to 2^31-1 ms and a real signal', async () => {
    const h = await signedIn([phoneJSON()])
    h.reply(answer)
    const phone = h.client.user!.phoneNumbers[0]!
    await expect(phone.prepareVerification({ timeout: 2 ** 31 - 1, signal: new AbortController().signal })).resolves.toBeDefined()
    await expect(phone.prepareVerification({ timeout: 1000 })).resolves.toBeDefined()
    expect(h.sent).toHaveLength(2)
  })

  it('keeps a refused caller out of a shared request, which then fails without an unhandled rejection', async () => {
    const h = await signedIn([phoneJSON()])
    let fail!: () => void
    h.reply(() => new Promise((resolve) => (fail = () => resolve(jsonResponse(422, errorsJSON('verification_failed'))))))
    const phone = h.client.user!.phoneNumbers[0]!
    const first = phone.prepareVerification().catch((e: unknown) => e)
    const refused = await phone.prepareVerification({ signal: new AbortController() as never }).catch((e: unknown) => e)
    expect(refused).toMatchObject({ name: 'ValidationError', paramName: 'signal' })
    await expect.poll(() => h.sent.length).toBe(1)
    fail()
    expect(await first).toBeInstanceOf(ApiResponseError)
    expect(contextOf(h.client).inFlight.size).toBe(0)
  })
})

describe('runOperation', () => {
  it('coalesces identical calls (method, path and body), and only those', async () => {
    const h = await signedIn([phoneJSON()])
    h.reply(answer)
    const context = contextOf(h.client)
    const build = (result: unknown) => result
    const op = (body: Record<string, unknown>) => runOperation(context, { method: 'POST', path: '/x', body, build, coalesce: true })
    const [a, b, c] = await Promise.all([op({ n: 1 }), op({ n: 1 }), op({ n: 2 })])
    expect(a).toBe(b)
    expect(c).not.toBe(a)
    expect(h.sent.map((request) => request.body)).toEqual([{ n: '1' }, { n: '2' }])
  })

  it('never merges calls that do not ask for it', async () => {
    const h = await signedIn([phoneJSON()])
    h.reply(answer)
    const op = () => runOperation(contextOf(h.client), { method: 'POST', path: '/x', build: (result) => result })
    await Promise.all([op(), op()])
    expect(h.sent).toHaveLength(2)
  })

  it('emits nothing when building the instance fails, and rejects with the builder\'s error', async () => {
    const h = await signedIn([phoneJSON()])
    h.reply(answer)
    const boom = new ValidationError('param_invalid', 'no')
    const build = () => {
      throw boom
    }
    await expect(runOperation(contextOf(h.client), { method: 'GET', path: '/x', build, emit: 'user:updated' })).rejects.toBe(boom)
    expect(h.events).toEqual([])
  })
})
