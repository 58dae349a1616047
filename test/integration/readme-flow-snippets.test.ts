// The README's "Verification flow" snippets, run as written in Node on real resources from a real emulator: the
// flow on a phone number verifies it with the test code, and the adapters build flows for a sign-in and a sign-up.
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as dialkit from '../../src/index.js'
import { compile, readmeSnippet } from '../support/readme.js'
import { useTestEmulator } from './harness.js'

describe('README, Verification flow snippets', () => {
  const emu = useTestEmulator()
  afterEach(() => {
    vi.useRealTimers()
  })

  it('runs the phone-number one as written: sent, then verified with 424242', async () => {
    // Only the flow's 1 s countdown interval is faked: nothing in the test waits on it.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const client = await emu.kit.signInClient(await emu.kit.createUser())
    const phone = await client.user!.createPhoneNumber({ phoneNumber: emu.kit.testNumber() })
    const render = vi.fn()
    await compile(await readmeSnippet('Verification flow', 0), ['createVerificationFlow', 'phone', 'render'])(dialkit.createVerificationFlow, phone, render)
    const statuses = render.mock.calls.map(([state]) => (state as { status: string }).status)
    expect(statuses).toEqual(expect.arrayContaining(['idle', 'sending', 'code-sent', 'verifying', 'verified']))
    expect(statuses.at(-1)).toBe('verified')
    expect(client.user!.phoneNumbers.find((number) => number.id === phone.id)?.verification?.status).toBe('verified')
  })

  it('runs the adapters one as written on a real sign-in and sign-up', async () => {
    const user = await emu.kit.createUser()
    const client = dialkit.createClient({ frontendApi: emu.url })
    await client.load()
    const signIn = await dialkit.SignIn.create(client, { identifier: user.phoneNumber! })
    const signUp = await dialkit.SignUp.create(client, { phoneNumber: emu.kit.testNumber() })
    const { createVerificationFlow, signInFirstFactor, signInSecondFactor, signUpPhoneNumber } = dialkit
    const names = ['createVerificationFlow', 'signInFirstFactor', 'signInSecondFactor', 'signUpPhoneNumber', 'signIn', 'signUp']
    const flows = (await compile(await readmeSnippet('Verification flow', 1), names, '[first, second, signUpFlow]')(
      createVerificationFlow, signInFirstFactor, signInSecondFactor, signUpPhoneNumber, signIn, signUp)) as dialkit.VerificationFlow<dialkit.VerificationTarget>[]
    expect(flows.map((flow) => flow.store.get().status)).toEqual(['idle', 'idle', 'idle'])
    for (const flow of flows) flow.destroy()
  })
})
