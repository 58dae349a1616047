// user.update() with the profile fields against the real emulator: what is sent comes back on the user, in
// the store and to a fresh client; what is refused sends nothing.
import { describe, expect, it } from 'vitest'
import { recordEvents, rejection, signedInClient, useTestEmulator, userOf } from './harness.js'

const emu = useTestEmulator()

describe('user.update with the profile', () => {
  it('sets the names, the username and unsafeMetadata, and the store and a reload show them', async () => {
    const { client } = await signedInClient(emu)
    const events = recordEvents(client)
    const updated = await userOf(client).update({ firstName: 'Ada', lastName: 'Lovelace', username: 'ada_l', unsafeMetadata: { theme: { dark: true } } })
    expect(events.take()).toEqual([{ name: 'user:updated', payload: updated }])
    expect(updated).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', fullName: 'Ada Lovelace', username: 'ada_l', unsafeMetadata: { theme: { dark: true } } })
    expect(Object.isFrozen((updated.unsafeMetadata as { theme: object }).theme)).toBe(true)
    expect(client.user?.fullName).toBe('Ada Lovelace')
    const reloaded = await userOf(client).reload()
    expect(reloaded).toMatchObject({ firstName: 'Ada', username: 'ada_l', unsafeMetadata: { theme: { dark: true } } })
  })

  it('clears a name with null and leaves the fields it was not given as they were', async () => {
    const { client } = await signedInClient(emu)
    await userOf(client).update({ firstName: 'Grace', lastName: 'Hopper' })
    const cleared = await userOf(client).update({ lastName: null })
    expect(cleared).toMatchObject({ firstName: 'Grace', lastName: null, fullName: 'Grace' })
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['a number as firstName', { firstName: 5 }, 'first_name'],
    ['an object as lastName', { lastName: { text: 'x' } }, 'last_name'],
    ['a boolean as username', { username: true }, 'username'],
    ['an array as unsafeMetadata', { unsafeMetadata: ['x'] }, 'unsafe_metadata'],
    ['null as unsafeMetadata', { unsafeMetadata: null }, 'unsafe_metadata'],
    ['a string as unsafeMetadata', { unsafeMetadata: '{"a":1}' }, 'unsafe_metadata'],
    ['an empty primaryPhoneNumberId', { primaryPhoneNumberId: ' ' }, 'primary_phone_number_id'],
  ])('refuses %s before sending anything, naming %s', async (_, params, paramName) => {
    const { client } = await signedInClient(emu)
    const before = client.store.get()
    const error = await rejection(() => userOf(client).update(params as never))
    expect(error).toMatchObject({ name: 'ValidationError', code: 'param_invalid', paramName })
    expect(client.store.get()).toBe(before)
    // Nothing reached the server: the user there is the one the store already had.
    expect((await userOf(client).reload()).updatedAt).toEqual(before.user!.updatedAt)
  })

  it('passes on the server refusing a username another user has', async () => {
    const first = await signedInClient(emu)
    await userOf(first.client).update({ username: 'taken_name' })
    const second = await signedInClient(emu)
    const error = await rejection(() => userOf(second.client).update({ username: 'taken_name' }))
    expect(error).toMatchObject({ name: 'ApiResponseError', status: 422 })
    expect(second.client.user?.username).toBeNull()
  })
})
