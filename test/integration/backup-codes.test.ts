// user.createBackupCode() against the real emulator: new codes once, the old ones void at sign-in, the new
// ones each good once, and a user without a second factor refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SignIn } from '../../src/index.js'
import { clientFor, recordEvents, rejection, signedInClient, startTestEmulator, userOf, type Emulator } from './harness.js'

let emu: Emulator
beforeAll(async () => {
  emu = await startTestEmulator()
})
afterAll(() => emu.stop())

/** A signed-in user whose verified test number is their SMS second factor, with the first backup codes. */
async function userWithSecondFactor(phoneNumber: string) {
  const { client } = await signedInClient(emu)
  const phone = await userOf(client).createPhoneNumber({ phoneNumber })
  const verified = await (await phone.prepareVerification()).attemptVerification({ code: '424242' })
  const mfa = await verified.setReservedForSecondFactor({ reserved: true })
  return { client, firstCodes: mfa.backupCodes ?? [] }
}

/** Signs a fresh client in up to the second factor and tries a backup code. */
async function signInWithBackupCode(phoneNumber: string, code: string) {
  // Each sign-in texts the number a first-factor code: step past the resend throttle first.
  emu.clock.advance(30_000)
  const client = clientFor(emu)
  await client.load()
  const first = await (await SignIn.create(client, { identifier: phoneNumber })).prepareFirstFactor({ strategy: 'phone_code' })
  const second = await first.attemptFirstFactor({ strategy: 'phone_code', code: '424242' })
  return second.attemptSecondFactor({ strategy: 'backup_code', code })
}

describe('user.createBackupCode against the emulator', () => {
  it('makes ten new codes, updates the store with one user:updated, voids the old codes and takes each new one once', async () => {
    const phoneNumber = '+12045550140'
    const { client, firstCodes } = await userWithSecondFactor(phoneNumber)
    expect(firstCodes).toHaveLength(10)
    const before = userOf(client)
    const events = recordEvents(client)

    const created = await userOf(client).createBackupCode()

    expect(created.codes).toHaveLength(10)
    expect(new Set(created.codes).size).toBe(10)
    expect(created.codes.some((code) => firstCodes.includes(code))).toBe(false)
    expect(created.id).toEqual(expect.any(String))
    expect(created.createdAt).toBeInstanceOf(Date)
    expect(events.names()).toEqual(['user:updated'])
    expect(userOf(client)).toMatchObject({ id: before.id, backupCodeEnabled: true })
    expect(userOf(client).updatedAt!.getTime()).toBeGreaterThan(before.updatedAt!.getTime())

    const old = await rejection(() => signInWithBackupCode(phoneNumber, firstCodes[0]!))
    expect(old).toMatchObject({ name: 'ApiResponseError', status: 422, code: 'form_code_incorrect' })
    expect((await signInWithBackupCode(phoneNumber, created.codes[0]!)).status).toBe('complete')
    const reused = await rejection(() => signInWithBackupCode(phoneNumber, created.codes[0]!))
    expect(reused).toMatchObject({ status: 422, code: 'form_code_incorrect' })
    expect((await signInWithBackupCode(phoneNumber, created.codes[1]!)).status).toBe('complete')
  })

  it('refuses a user without a second factor with backup_codes_not_available, leaving the store as it was', async () => {
    const { client } = await signedInClient(emu)
    const before = client.store.get()
    const events = recordEvents(client)
    const error = await rejection(() => userOf(client).createBackupCode())
    expect(error).toMatchObject({ name: 'ApiResponseError', status: 400, code: 'backup_codes_not_available' })
    expect(events.names()).toEqual([])
    expect(client.store.get()).toBe(before)
  })
})
