// Every backend method, fed what it should refuse: a signal that is not an AbortSignal sends nothing, and a
// 2xx of the wrong shape is NetworkError malformed_response, never a raw TypeError or an object with holes.
import { describe, expect, it } from 'vitest'
import { NetworkError, ValidationError, type BackendClient } from '../../src/backend/index.js'
import { jsonResponse } from '../support/fake-fetch.js'
import { fakeBackend, phoneNumberJSON, signInTokenJSON, userJSON } from './fixtures.js'

type Call = (backend: BackendClient, options?: { signal?: AbortSignal }) => Promise<unknown>

const METHODS: Array<[string, Call]> = [
  ['users.createUser', (b, o) => b.users.createUser({}, o)],
  ['users.getUser', (b, o) => b.users.getUser('user_1', o)],
  ['users.getUserList', (b, o) => b.users.getUserList({}, o)],
  ['users.updateUser', (b, o) => b.users.updateUser('user_1', {}, o)],
  ['users.deleteUser', (b, o) => b.users.deleteUser('user_1', o)],
  ['sessions.getSessionList', (b, o) => b.sessions.getSessionList({}, o)],
  ['sessions.revokeSession', (b, o) => b.sessions.revokeSession('sess_1', o)],
  ['testingTokens.createTestingToken', (b, o) => b.testingTokens.createTestingToken(o)],
  ['phoneNumbers.createPhoneNumber', (b, o) => b.phoneNumbers.createPhoneNumber({ userId: 'user_1', phoneNumber: '+14155552671' }, o)],
  ['phoneNumbers.getPhoneNumber', (b, o) => b.phoneNumbers.getPhoneNumber('idn_1', o)],
  ['phoneNumbers.updatePhoneNumber', (b, o) => b.phoneNumbers.updatePhoneNumber('idn_1', {}, o)],
  ['phoneNumbers.deletePhoneNumber', (b, o) => b.phoneNumbers.deletePhoneNumber('idn_1', o)],
  ['signInTokens.createSignInToken', (b, o) => b.signInTokens.createSignInToken({ userId: 'user_1' }, o)],
]

const BAD_SIGNALS: Array<[string, unknown]> = [
  ['an AbortController', new AbortController()],
  ['a string', 'abort'],
  ['a number', 5],
  ['null', null],
  ['an object with aborted', { aborted: false, addEventListener() {} }],
]

// Each a 2xx body no Backend API object can be read from.
const DAMAGED: unknown[] = [{}, [], { id: 5 }, { id: 'x', phone_numbers: 5 }, { data: 5, total_count: 1 }, { data: [null], total_count: 1 }]

describe('the backend client refuses what it cannot use', () => {
  describe.each(METHODS)('%s', (_name, call) => {
    it.each(BAD_SIGNALS)('refuses %s as signal before sending anything', async (_label, signal) => {
      const { backend, sent } = fakeBackend(() => jsonResponse(200, {}))
      const error = await call(backend, { signal: signal as AbortSignal }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ValidationError)
      expect(error).toMatchObject({ code: 'param_invalid', paramName: 'signal' })
      expect(sent).toEqual([])
    })

    it.each(DAMAGED)('answers a 2xx of %j with NetworkError malformed_response', async (body) => {
      const { backend } = fakeBackend(() => jsonResponse(200, body))
      const error = await call(backend).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(NetworkError)
      expect(error).toMatchObject({ reason: 'malformed_response' })
    })
  })

  it.each<[string, Call, unknown]>([
    ['a user whose numbers are not a list', (b) => b.users.getUser('user_1'), userJSON({ phone_numbers: 5 as never })],
    ['a user whose number is null', (b) => b.users.getUser('user_1'), userJSON({ phone_numbers: [null as never] })],
    ['a number whose phone_number is missing', (b) => b.phoneNumbers.getPhoneNumber('idn_1'), phoneNumberJSON({ phone_number: undefined as never })],
    ['a number linked to a list of null', (b) => b.phoneNumbers.getPhoneNumber('idn_1'), phoneNumberJSON({ linked_to: [null as never] })],
    ['a number whose backup codes are not a list', (b) => b.phoneNumbers.getPhoneNumber('idn_1'), phoneNumberJSON({ backup_codes: 5 as never })],
    ['a number whose verification has no status', (b) => b.phoneNumbers.getPhoneNumber('idn_1'), phoneNumberJSON({ verification: {} as never })],
    ['a sign-in token without its token', (b) => b.signInTokens.createSignInToken({ userId: 'user_1' }), signInTokenJSON({ token: null as never })],
    ['a testing token without its expiry', (b) => b.testingTokens.createTestingToken(), { object: 'testing_token', token: 't' }],
    ['a delete answer without deleted', (b) => b.users.deleteUser('user_1'), { object: 'user', id: 'user_1' }],
  ])('answers %s with NetworkError malformed_response, keeping what was wrong as the cause', async (_label, call, body) => {
    const { backend } = fakeBackend(() => jsonResponse(200, body))
    const error = await call(backend).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'NetworkError', reason: 'malformed_response', cause: expect.any(TypeError) })
  })

  it('still reads well-formed answers, a real signal given', async () => {
    const { backend } = fakeBackend(() => jsonResponse(200, userJSON()))
    const user = await backend.users.getUser('user_1', { signal: new AbortController().signal })
    expect(user).toMatchObject({ id: 'user_1', phoneNumbers: [{ id: 'idn_1', linkedTo: [], backupCodes: null }] })
  })
})
