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
  clerk = createClerkClient({ secretKey: emu.secretKey, apiUrl: emu.url })
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
    const wrong = createClerkClient({ secretKey: 'sk_test_not_the_key', apiUrl: emu.url })
    expect(await rejection(() => wrong.users.getUser('user_x'))).toMatchObject({ status: 401 })
  })
})
