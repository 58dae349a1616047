// dialkit/backend against a real emulator: Clerk's createPhoneNumber semantics and each error class.
import { describe, expect, it } from 'vitest'
import { createBackendClient, isApiResponseError, isNetworkError } from '../../src/backend/index.js'
import { backendFor, clientFor, rejection, startTestEmulator, useTestEmulator } from './harness.js'

const emu = useTestEmulator()

describe('backend client against the emulator', () => {
  it('creates a user whose first number is primary and verified', async () => {
    const user = await backendFor(emu).users.createUser({ phoneNumber: ['14155552601'], externalId: 'crm-1', firstName: 'Ada' })
    expect(user).toMatchObject({ externalId: 'crm-1', firstName: 'Ada' })
    expect(user.phoneNumbers).toHaveLength(1)
    expect(user.phoneNumbers[0]).toMatchObject({ phoneNumber: '+14155552601', verification: { status: 'verified' } })
    expect(user.primaryPhoneNumberId).toBe(user.phoneNumbers[0]!.id)
    expect(await backendFor(emu).users.getUser(user.id)).toEqual(user)
  })

  it('makes the first number primary, later ones not unless asked', async () => {
    const backend = backendFor(emu)
    const user = await backend.users.createUser({ externalId: 'crm-2' })
    const first = await backend.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: '+14155552602' })
    const second = await backend.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: '+14155552603', verified: true })
    expect((await backend.users.getUser(user.id)).primaryPhoneNumberId).toBe(first.id)
    expect(second.verification?.status).toBe('verified')
    const third = await backend.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: '+14155552604', verified: true, primary: true })
    expect((await backend.users.getUser(user.id)).primaryPhoneNumberId).toBe(third.id)
    await backend.phoneNumbers.updatePhoneNumber(second.id, { primary: true })
    expect((await backend.users.getUser(user.id)).primaryPhoneNumberId).toBe(second.id)
  })

  it('reserves a verified number for 2FA as the default second factor only when there is no other', async () => {
    const backend = backendFor(emu)
    const user = await backend.users.createUser({ externalId: 'crm-3' })
    const first = await backend.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: '+14155552605', verified: true, reservedForSecondFactor: true })
    expect(first).toMatchObject({ reservedForSecondFactor: true, defaultSecondFactor: true })
    const second = await backend.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: '+14155552606', verified: true, reservedForSecondFactor: true })
    expect(second).toMatchObject({ reservedForSecondFactor: true, defaultSecondFactor: false })
    expect((await backend.users.getUser(user.id)).twoFactorEnabled).toBe(true)
  })

  it('refuses to reserve an unverified number for 2FA', async () => {
    const backend = backendFor(emu)
    const user = await backend.users.createUser({ externalId: 'crm-4' })
    const error = await rejection(() => backend.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: '+14155552607', reservedForSecondFactor: true }))
    expect(isApiResponseError(error)).toBe(true)
    expect((error as { status: number }).status).toBeGreaterThanOrEqual(400)
    expect((error as { status: number }).status).toBeLessThan(500)
  })

  it('updates, reads and deletes a number, and bumps the user on each change', async () => {
    const backend = backendFor(emu)
    const user = await backend.users.createUser({ externalId: 'crm-5' })
    const phone = await backend.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: '+14155552608' })
    const afterCreate = (await backend.users.getUser(user.id)).updatedAt
    emu.clock.advance(1_000)
    const updated = await backend.phoneNumbers.updatePhoneNumber(phone.id, { verified: true })
    expect(updated.verification?.status).toBe('verified')
    expect(await backend.phoneNumbers.getPhoneNumber(phone.id)).toEqual(updated)
    expect((await backend.users.getUser(user.id)).updatedAt).toBeGreaterThan(afterCreate)
    expect(await backend.phoneNumbers.deletePhoneNumber(phone.id)).toMatchObject({ id: phone.id, deleted: true })
    expect(await rejection(() => backend.phoneNumbers.getPhoneNumber(phone.id))).toMatchObject({ status: 404, code: 'resource_not_found' })
  })

  it('answers a duplicate number with 422 form_identifier_exists', async () => {
    const backend = backendFor(emu)
    const user = await backend.users.createUser({ phoneNumber: ['+14155552609'] })
    expect(await rejection(() => backend.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: '14155552609' }))).toMatchObject({
      status: 422,
      code: 'form_identifier_exists',
      paramName: 'phone_number',
    })
  })

  it('answers an unknown user with 404', async () => {
    expect(await rejection(() => backendFor(emu).users.getUser('user_missing'))).toMatchObject({ status: 404, code: 'resource_not_found' })
    expect(
      await rejection(() => backendFor(emu).phoneNumbers.createPhoneNumber({ userId: 'user_missing', phoneNumber: '+14155552610' })),
    ).toMatchObject({ status: 404 })
  })

  it('answers a wrong secret key with 401 and Clerk’s body', async () => {
    const backend = createBackendClient({ secretKey: 'sk_test_wrong', apiUrl: emu.url })
    const error = await rejection(() => backend.users.createUser({}))
    expect(isApiResponseError(error)).toBe(true)
    expect(error).toMatchObject({ status: 401 })
    expect((error as { code: string }).code).toMatch(/^(authentication_invalid|clerk_key_invalid)$/)
  })

  it('creates a sign-in token for a user', async () => {
    const backend = backendFor(emu)
    const user = await backend.users.createUser({ externalId: 'crm-6' })
    const token = await backend.signInTokens.createSignInToken({ userId: user.id, expiresInSeconds: 60 })
    expect(token).toMatchObject({ userId: user.id, status: 'pending' })
    expect(token.token.length).toBeGreaterThan(10)
  })

  it('gives a NetworkError when nothing listens', async () => {
    const port = new URL(emu.url).port
    const closed = await startTestEmulator()
    const url = closed.url
    await closed.stop()
    expect(url).not.toContain(`:${port}/`)
    const error = await rejection(() => createBackendClient({ secretKey: emu.secretKey, apiUrl: url }).users.getUser('user_1'))
    expect(isNetworkError(error)).toBe(true)
    expect(error).toMatchObject({ reason: 'failed' })
  })

  it('lists, updates and deletes users; lists and revokes their sessions; creates a testing token', async () => {
    const backend = backendFor(emu)
    const user = await backend.users.createUser({ phoneNumber: ['+14155552651', '+14155552652'], externalId: 'crm-admin' })
    const found = await backend.users.getUserList({ phoneNumber: ['14155552652'] })
    expect(found).toEqual({ data: [user], totalCount: 1 })
    const updated = await backend.users.updateUser(user.id, { lastName: 'Hopper', primaryPhoneNumberId: user.phoneNumbers[1]!.id })
    expect(updated).toMatchObject({ lastName: 'Hopper', primaryPhoneNumberId: user.phoneNumbers[1]!.id })

    const client = clientFor(emu)
    await client.signIn({ ticket: (await backend.signInTokens.createSignInToken({ userId: user.id })).token })
    const sessions = await backend.sessions.getSessionList({ userId: user.id, status: 'active' })
    expect(sessions).toMatchObject({ totalCount: 1, data: [{ userId: user.id, status: 'active' }] })
    expect(await backend.sessions.revokeSession(sessions.data[0]!.id)).toMatchObject({ status: 'revoked' })
    await client.load()
    expect(client.store.get().status).toBe('signed-out')

    expect(await backend.users.deleteUser(user.id)).toEqual({ object: 'user', id: user.id, deleted: true })
    expect(await backend.users.getUserList({ externalId: ['crm-admin'] })).toEqual({ data: [], totalCount: 0 })
    const testing = await backend.testingTokens.createTestingToken()
    expect(testing.expiresAt - emu.clock.now()).toBeGreaterThan(3_500_000)
  })
})
