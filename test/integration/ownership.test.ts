// A user reads and changes only their own numbers: another user's number answers 404 and stays unchanged.
import { describe, expect, it } from 'vitest'
import { PhoneNumber } from '../../src/index.js'
import { rejection, signedInClient, userOf, useTestEmulator } from './harness.js'

const emu = useTestEmulator()

/** Signs in over raw HTTP (header mode) and returns the client token, to poke at ids the SDK would never use. */
async function rawSignIn(ticket: string): Promise<string> {
  const response = await fetch(`${emu.url}/v1/client/sign_ins`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ strategy: 'ticket', ticket }),
  })
  expect(response.status).toBe(200)
  const token = response.headers.get('authorization')
  expect(token).toBeTruthy()
  return token!
}

describe('ownership', () => {
  it("answers 404 to every operation on another user's number and changes nothing", async () => {
    const alice = await signedInClient(emu)
    const phone = await userOf(alice.client).createPhoneNumber({ phoneNumber: '+14155552690' })
    const bob = await alice.backend.users.createUser({ externalId: 'bob' })
    const { token: ticket } = await alice.backend.signInTokens.createSignInToken({ userId: bob.id })
    const bobToken = await rawSignIn(ticket)
    const before = await alice.backend.phoneNumbers.getPhoneNumber(phone.id)
    emu.outbox.clear()

    const base = `${emu.url}/v1/me/phone_numbers/${phone.id}`
    const attempts: Array<[string, string, string?]> = [
      ['GET', base],
      ['POST', `${base}?_method=PATCH`, 'reserved_for_second_factor=true'],
      ['POST', `${base}?_method=DELETE`],
      ['POST', `${base}/prepare_verification`, 'strategy=phone_code'],
      ['POST', `${base}/attempt_verification`, 'code=123456'],
    ]
    for (const [method, url, body] of attempts) {
      const response = await fetch(url, {
        method,
        headers: { authorization: bobToken, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      })
      expect({ url, status: response.status }).toEqual({ url, status: 404 })
      expect(((await response.json()) as { errors: Array<{ code: string }> }).errors[0]!.code).toBe('resource_not_found')
    }
    expect(await alice.backend.phoneNumbers.getPhoneNumber(phone.id)).toEqual(before)
    expect(emu.outbox.list()).toEqual([])

    const bobList = await fetch(`${emu.url}/v1/me/phone_numbers`, { headers: { authorization: bobToken } })
    const listed = (await bobList.json()) as unknown
    expect(JSON.stringify(listed)).not.toContain(phone.id)
  })

  it("refuses, through the SDK, to touch another user's number rebuilt from its JSON", async () => {
    const alice = await signedInClient(emu)
    const bob = await signedInClient(emu)
    const phone = await userOf(alice.client).createPhoneNumber({ phoneNumber: '+14155552692' })
    const stolen = PhoneNumber.fromJSON(phone.toJSON(), bob.client)
    const before = bob.client.store.get()
    emu.outbox.clear()
    for (const action of [() => stolen.reload(), () => stolen.prepareVerification(), () => stolen.destroy()]) {
      expect(await rejection(action)).toMatchObject({ name: 'ApiResponseError', status: 404, code: 'resource_not_found' })
    }
    expect(bob.client.store.get()).toBe(before)
    expect(emu.outbox.list()).toEqual([])
    expect((await alice.backend.phoneNumbers.getPhoneNumber(phone.id)).phoneNumber).toBe('+14155552692')
  })

  it('keeps two signed-in SDK clients apart', async () => {
    const alice = await signedInClient(emu, { phoneNumber: ['+12015550150'] })
    const bob = await signedInClient(emu, { phoneNumber: ['+12015550151'] })
    expect(userOf(alice.client).id).not.toBe(userOf(bob.client).id)
    await userOf(alice.client).createPhoneNumber({ phoneNumber: '+14155552691' })
    await bob.client.load()
    expect(userOf(bob.client).phoneNumbers.map(String)).toEqual(['+12015550151'])
    expect(userOf(alice.client).phoneNumbers.map(String).sort()).toEqual(['+12015550150', '+14155552691'])
  })

  it("refuses to claim another user's number", async () => {
    const alice = await signedInClient(emu, { phoneNumber: ['+12015550152'] })
    const bob = await signedInClient(emu)
    expect(await rejection(() => userOf(bob.client).createPhoneNumber({ phoneNumber: '+12015550152' }))).toMatchObject({
      status: 422,
      code: 'form_identifier_exists',
    })
    expect(
      await rejection(() => alice.backend.phoneNumbers.createPhoneNumber({ userId: bob.backendUser.id, phoneNumber: '+12015550152' })),
    ).toMatchObject({ status: 422, code: 'form_identifier_exists' })
  })
})
