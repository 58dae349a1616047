// The whole phone number flow, SDK against a real emulator over HTTP, checking after every step that the
// store holds what the server returned and exactly one event fired (and after a failure: nothing changed).
import { describe, expect, it } from 'vitest'
import { isApiResponseError, isValidationError } from '../../src/index.js'
import { backendFor, type Client, REAL_NUMBER, recordEvents, rejection, signedInClient, TEST_NUMBER, userOf, useTestEmulator } from './harness.js'

const emu = useTestEmulator()

function storedPhone(client: Client, id: string) {
  return userOf(client).phoneNumbers.find((phone) => phone.id === id)
}

describe('the whole flow', () => {
  it('signs in with a ticket, adds, verifies, secures and removes phone numbers', async () => {
    const { client, backend, backendUser } = await signedInClient(emu, { phoneNumber: [TEST_NUMBER] })
    const state = client.store.get()
    expect(state.session?.id).toBeTruthy()
    expect(userOf(client).id).toBe(backendUser.id)
    expect(userOf(client).primaryPhoneNumberId).toBe(backendUser.phoneNumbers[0]!.id)
    const events = recordEvents(client)
    let notifications = 0
    client.store.listen(() => {
      notifications += 1
    })
    // Exactly one store notification per successful step, none for a failure.
    const notified = () => {
      const count = notifications
      notifications = 0
      return count
    }

    // create
    const created = await userOf(client).createPhoneNumber({ phoneNumber: REAL_NUMBER })
    expect(String(created)).toBe(REAL_NUMBER)
    expect(created.verification).toBeNull()
    expect(events.names()).toEqual(['phoneNumber:created'])
    expect(notified()).toBe(1)
    expect(storedPhone(client, created.id)?.toJSON()).toEqual(created.toJSON())

    // prepare: one SMS, with the code and the WebOTP line
    emu.outbox.clear()
    const prepared = await created.prepareVerification()
    expect(prepared).not.toBe(created)
    expect(prepared.verification).toMatchObject({ status: 'unverified', strategy: 'phone_code', attempts: 0 })
    expect(Math.abs(prepared.verification!.expireAt!.getTime() - (emu.clock.now() + 600_000))).toBeLessThan(5_000)
    expect(events.names()).toEqual(['phoneNumber:updated'])
    expect(storedPhone(client, created.id)?.verification?.status).toBe('unverified')
    expect(notified()).toBe(1)
    const sms = emu.outbox.latest(REAL_NUMBER)
    expect(emu.outbox.list()).toHaveLength(1)
    expect(sms?.body).toMatch(new RegExp(`^Your verification code is ${sms!.code}\\.\\n\\n@\\S+ #${sms!.code}$`))

    // wrong code: typed error, store and events untouched
    const before = client.store.get()
    const wrongCode = sms!.code === '000000' ? '111111' : '000000'
    const wrong = await rejection(() => prepared.attemptVerification({ code: wrongCode }))
    expect(isApiResponseError(wrong)).toBe(true)
    expect(wrong).toMatchObject({ status: 422, code: 'form_code_incorrect', paramName: 'code' })
    expect(client.store.get()).toBe(before)
    expect(events.names()).toEqual([])
    expect(notified()).toBe(0)

    // right code
    const verified = await prepared.attemptVerification({ code: sms!.code })
    expect(verified.verification?.status).toBe('verified')
    expect(events.names()).toEqual(['phoneNumber:updated'])
    expect(storedPhone(client, created.id)?.verification?.status).toBe('verified')
    expect(notified()).toBe(1)

    // reserve for 2FA: the first time carries backup codes
    const reserved = await verified.setReservedForSecondFactor({ reserved: true })
    expect(reserved.reservedForSecondFactor).toBe(true)
    expect(reserved.backupCodes?.length).toBeGreaterThan(0)
    expect(events.names()).toEqual(['phoneNumber:updated'])
    expect(storedPhone(client, created.id)?.reservedForSecondFactor).toBe(true)
    expect(notified()).toBe(1)

    const asDefault = await reserved.makeDefaultSecondFactor()
    expect(asDefault.defaultSecondFactor).toBe(true)
    expect(events.names()).toEqual(['phoneNumber:updated'])
    expect(storedPhone(client, created.id)?.defaultSecondFactor).toBe(true)
    // Reserving the only second factor already made it the default, so the server state is unchanged and
    // the store, by its contract, does not notify; the operation itself still emits its one event.
    expect(reserved.defaultSecondFactor).toBe(true)
    expect(notified()).toBe(0)
    expect((await backend.users.getUser(backendUser.id)).twoFactorEnabled).toBe(true)

    // make the new number primary
    const updatedUser = await userOf(client).update({ primaryPhoneNumberId: created.id })
    expect(updatedUser.primaryPhoneNumberId).toBe(created.id)
    expect(events.names()).toEqual(['user:updated'])
    expect(notified()).toBe(1)
    expect(userOf(client).primaryPhoneNumberId).toBe(created.id)
    expect(String(userOf(client).primaryPhoneNumber)).toBe(REAL_NUMBER)

    // destroy the old one
    const old = storedPhone(client, backendUser.phoneNumbers[0]!.id)!
    await old.destroy()
    expect(events.names()).toEqual(['phoneNumber:destroyed'])
    expect(notified()).toBe(1)
    expect(storedPhone(client, old.id)).toBeUndefined()
    expect(await rejection(() => backend.phoneNumbers.getPhoneNumber(old.id))).toMatchObject({ status: 404 })

    // a destroyed number is refused locally and sends nothing
    const afterDestroy = client.store.get()
    const refused = await rejection(() => old.prepareVerification())
    expect(isValidationError(refused)).toBe(true)
    expect(refused).toMatchObject({ code: 'resource_destroyed' })
    expect(client.store.get()).toBe(afterDestroy)
    expect(events.names()).toEqual([])
    events.stop()
  })

  it('gives backup codes only the first time SMS becomes a second factor', async () => {
    const { client } = await signedInClient(emu, { phoneNumber: [TEST_NUMBER.replace(/23$/, '24')] })
    const phone = userOf(client).phoneNumbers[0]!
    const first = await phone.setReservedForSecondFactor({ reserved: true })
    expect(first.backupCodes?.length).toBeGreaterThan(0)
    const off = await first.setReservedForSecondFactor({ reserved: false })
    expect(off.reservedForSecondFactor).toBe(false)
    const again = await off.setReservedForSecondFactor({ reserved: true })
    expect(again.reservedForSecondFactor).toBe(true)
    expect(again.backupCodes ?? []).toEqual([])
  })

  it('refuses to reserve an unverified number for 2FA and leaves the store as it was', async () => {
    const { client } = await signedInClient(emu, { phoneNumber: [TEST_NUMBER.replace(/23$/, '25')] })
    const phone = await userOf(client).createPhoneNumber({ phoneNumber: '+14155552672' })
    const events = recordEvents(client)
    const before = client.store.get()
    const error = await rejection(() => phone.setReservedForSecondFactor({ reserved: true }))
    expect(isApiResponseError(error)).toBe(true)
    expect((error as { status: number }).status).toBeGreaterThanOrEqual(400)
    expect((error as { status: number }).status).toBeLessThan(500)
    expect(client.store.get()).toBe(before)
    expect(events.names()).toEqual([])
  })

  it('refuses a malformed number and a non-numeric code before sending anything', async () => {
    const { client } = await signedInClient(emu, { phoneNumber: [TEST_NUMBER.replace(/23$/, '26')] })
    const before = client.store.get()
    expect(isValidationError(await rejection(() => userOf(client).createPhoneNumber({ phoneNumber: 'call me maybe' })))).toBe(true)
    const phone = userOf(client).phoneNumbers[0]!
    expect(isValidationError(await rejection(() => phone.attemptVerification({ code: 'abc' })))).toBe(true)
    expect(client.store.get()).toBe(before)
  })

  it('reloads a number to the server state after a backend change', async () => {
    const { client } = await signedInClient(emu, { phoneNumber: [TEST_NUMBER.replace(/23$/, '28')] })
    const phone = await userOf(client).createPhoneNumber({ phoneNumber: '+14155552673' })
    await backendFor(emu).phoneNumbers.updatePhoneNumber(phone.id, { verified: true })
    const events = recordEvents(client)
    const reloaded = await phone.reload()
    expect(reloaded.verification?.status).toBe('verified')
    expect(events.names()).toEqual(['phoneNumber:updated'])
    expect(storedPhone(client, phone.id)?.verification?.status).toBe('verified')
  })

  it('answers a number deleted behind its back with 404, and a load drops it from the store', async () => {
    const { client, backend } = await signedInClient(emu, { phoneNumber: ['+12015550131'] })
    const phone = await userOf(client).createPhoneNumber({ phoneNumber: '+14155552674' })
    await backend.phoneNumbers.deletePhoneNumber(phone.id)
    const events = recordEvents(client)
    const before = client.store.get()
    expect(await rejection(() => phone.reload())).toMatchObject({ name: 'ApiResponseError', status: 404, code: 'resource_not_found' })
    expect(client.store.get()).toBe(before)
    expect(events.names()).toEqual([])
    await client.load()
    expect(storedPhone(client, phone.id)).toBeUndefined()
    expect(events.names()).toEqual(['client:updated'])
  })

  it('refuses an unverified number as primary and keeps the old primary', async () => {
    const { client, backendUser } = await signedInClient(emu, { phoneNumber: ['+12015550132'] })
    const phone = await userOf(client).createPhoneNumber({ phoneNumber: '+14155552675' })
    const before = client.store.get()
    const error = await rejection(() => userOf(client).update({ primaryPhoneNumberId: phone.id }))
    expect(isApiResponseError(error)).toBe(true)
    expect((error as { status: number }).status).toBe(422)
    expect(client.store.get()).toBe(before)
    expect(userOf(client).primaryPhoneNumberId).toBe(backendUser.primaryPhoneNumberId)
  })
})
