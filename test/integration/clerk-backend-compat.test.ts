// Clerk's own @clerk/backend works against the emulator: its users, phoneNumbers and signInTokens APIs,
// its error type, and the ticket it creates signs a dialkit client in.
import { createClerkClient } from '@clerk/backend'
import { isClerkAPIResponseError } from '@clerk/backend/errors'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientFor, rejection, startTestEmulator, userOf, type Emulator } from './harness.js'

let emu: Emulator
let clerk: ReturnType<typeof createClerkClient>
beforeAll(async () => {
  emu = await startTestEmulator()
  clerk = createClerkClient({ secretKey: emu.secretKey, apiUrl: emu.url, telemetry: { disabled: true } })
})
afterAll(async () => {
  await emu.stop()
})

describe('@clerk/backend against the emulator', () => {
  it('creates a user with a phone number and reads it back', async () => {
    const user = await clerk.users.createUser({ phoneNumber: ['+14155552701'], externalId: 'clerk-1', firstName: 'Grace' })
    expect(user.id).toMatch(/^user_/)
    expect(user.externalId).toBe('clerk-1')
    expect(user.firstName).toBe('Grace')
    expect(user.phoneNumbers.map((phone) => phone.phoneNumber)).toEqual(['+14155552701'])
    expect(user.primaryPhoneNumberId).toBe(user.phoneNumbers[0]!.id)
    expect((await clerk.users.getUser(user.id)).id).toBe(user.id)
  })

  it('creates, reads, updates and deletes phone numbers through clerk.phoneNumbers', async () => {
    const user = await clerk.users.createUser({ externalId: 'clerk-2' })
    // The docs' own example sends the number without "+".
    const phone = await clerk.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: '14155552702', verified: true })
    expect(phone.id).toMatch(/^idn_/)
    expect(phone.phoneNumber).toBe('+14155552702')
    expect(phone.verification?.status).toBe('verified')

    const read = await clerk.phoneNumbers.getPhoneNumber(phone.id)
    expect(read.phoneNumber).toBe('+14155552702')

    const reserved = await clerk.phoneNumbers.updatePhoneNumber(phone.id, { reservedForSecondFactor: true })
    expect(reserved.reservedForSecondFactor).toBe(true)
    expect(reserved.defaultSecondFactor).toBe(true)

    const deleted = await clerk.phoneNumbers.deletePhoneNumber(phone.id)
    expect(deleted.deleted).toBe(true)
    expect(deleted.id).toBe(phone.id)
  })

  it('surfaces emulator errors as ClerkAPIResponseError with status and code', async () => {
    await clerk.users.createUser({ phoneNumber: ['+14155552703'] })
    const other = await clerk.users.createUser({ externalId: 'clerk-3' })
    const error = await rejection(() => clerk.phoneNumbers.createPhoneNumber({ userId: other.id, phoneNumber: '+14155552703' }))
    expect(isClerkAPIResponseError(error)).toBe(true)
    expect(error).toMatchObject({ status: 422 })
    expect((error as { errors: Array<{ code: string }> }).errors[0]!.code).toBe('form_identifier_exists')

    const missing = await rejection(() => clerk.phoneNumbers.getPhoneNumber('idn_missing'))
    expect(missing).toMatchObject({ status: 404 })
  })

  it("issues a sign-in token that signs a dialkit client in", async () => {
    const user = await clerk.users.createUser({ phoneNumber: ['+12015550160'] })
    const token = await clerk.signInTokens.createSignInToken({ userId: user.id, expiresInSeconds: 300 })
    const client = clientFor(emu)
    await client.signIn({ ticket: token.token })
    expect(userOf(client).id).toBe(user.id)
    expect(userOf(client).phoneNumbers.map(String)).toEqual(['+12015550160'])
  })

  it('is refused with a wrong secret key', async () => {
    const wrong = createClerkClient({ secretKey: 'sk_test_not_the_key', apiUrl: emu.url, telemetry: { disabled: true } })
    expect(await rejection(() => wrong.users.getUser('user_x'))).toMatchObject({ status: 401 })
  })

  it('lists users by phone number, external id and user id with paging and order, and counts them', async () => {
    const made = []
    for (const external of ['list-a', 'list-b', 'list-c']) {
      emu.clock.advance(1000)
      made.push(await clerk.users.createUser({ externalId: external, phoneNumber: [`+1415555281${made.length}`] }))
    }
    const byExternal = await clerk.users.getUserList({ externalId: ['list-a', 'list-b', 'list-c'], orderBy: '+created_at', limit: 2, offset: 1 })
    expect(byExternal.totalCount).toBe(3)
    expect(byExternal.data.map((user) => user.id)).toEqual([made[1]!.id, made[2]!.id])
    const byPhone = await clerk.users.getUserList({ phoneNumber: ['+14155552812'] })
    expect(byPhone.data.map((user) => user.externalId)).toEqual(['list-c'])
    const byId = await clerk.users.getUserList({ userId: [made[0]!.id, made[2]!.id] })
    expect(byId.data.map((user) => user.id)).toEqual([made[2]!.id, made[0]!.id])
  })

  it('updates and deletes a user; its numbers and sessions go with it', async () => {
    const user = await clerk.users.createUser({ phoneNumber: ['+12015550161'], firstName: 'Old' })
    const updated = await clerk.users.updateUser(user.id, { firstName: 'New', externalId: 'renamed' })
    expect(updated).toMatchObject({ firstName: 'New', externalId: 'renamed' })
    const client = clientFor(emu)
    await client.signIn({ ticket: (await clerk.signInTokens.createSignInToken({ userId: user.id, expiresInSeconds: 300 })).token })
    const deleted = await clerk.users.deleteUser(user.id)
    expect(deleted).toMatchObject({ id: user.id, deleted: true })
    expect(await rejection(() => clerk.users.getUser(user.id))).toMatchObject({ status: 404 })
    expect(await rejection(() => clerk.phoneNumbers.getPhoneNumber(user.phoneNumbers[0]!.id))).toMatchObject({ status: 404 })
    const sessions = await clerk.sessions.getSessionList({ userId: user.id })
    expect(sessions.data.map((session) => session.status)).toEqual(['revoked'])
  })

  it('lists and revokes sessions, and creates a testing token', async () => {
    const user = await clerk.users.createUser({ externalId: 'sessions-1' })
    const client = clientFor(emu)
    await client.signIn({ ticket: (await clerk.signInTokens.createSignInToken({ userId: user.id, expiresInSeconds: 300 })).token })
    const { data, totalCount } = await clerk.sessions.getSessionList({ userId: user.id, status: 'active' })
    expect(totalCount).toBe(1)
    expect(data[0]).toMatchObject({ userId: user.id, status: 'active' })
    const revoked = await clerk.sessions.revokeSession(data[0]!.id)
    expect(revoked).toMatchObject({ id: data[0]!.id, status: 'revoked' })
    expect((await clerk.sessions.getSessionList({ userId: user.id, status: 'active' })).totalCount).toBe(0)

    // @clerk/backend 3.25 has no deserializer for `testing_token` and hands the JSON through as sent
    // (its type says `expiresAt`); @clerk/testing only reads `token`.
    const testing = (await clerk.testingTokens.createTestingToken()) as unknown as { token: string; expires_at: number }
    expect(testing.token).toMatch(/^\d+-/)
    expect(testing.expires_at).toBeGreaterThan(Math.floor(emu.clock.now() / 1000))
  })
})
