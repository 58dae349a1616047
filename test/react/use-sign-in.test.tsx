// @vitest-environment happy-dom
import { act } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { createClient, SignIn, SignUp } from '../../src/index.js'
import { useSessionState, useSignIn, useSignUp } from '../../src/react/index.js'
import { clientJSON, envelope } from '../resources/fixtures.js'
import { otpJSON, phoneSignInJSON, phoneSignUpJSON, signedOut, signInAnswer, signUpAnswer } from '../resources/sign-in-harness.js'
import { fakeBus } from '../sync/fake-channel.js'
import { fakeFetch, jsonResponse } from '../support/fake-fetch.js'
import { render, withClient } from './render.js'

const firstSent = phoneSignInJSON({ first_factor_verification: otpJSON() })
const needsSecond = phoneSignInJSON({ status: 'needs_second_factor', first_factor_verification: otpJSON({ status: 'verified' }) })

function SignInProbe({ seen }: { seen: Array<SignIn | null> }) {
  const signIn = useSignIn()
  const { status } = useSessionState()
  seen.push(signIn)
  return <p>{`${status}|${signIn ? `${signIn.status}:${signIn.firstFactorVerification?.status ?? 'no code'}` : 'none'}`}</p>
}

function SignUpProbe() {
  const signUp = useSignUp()
  return <p>{signUp ? `${signUp.status}:${signUp.verifications.phoneNumber?.status ?? 'no code'}` : 'none'}</p>
}

describe('useSignIn', () => {
  it.each([false, true])('is null, then follows every step of a sign-in to its completion (StrictMode %s)', async (strict) => {
    const h = await signedOut()
    const seen: Array<SignIn | null> = []
    const view = await render(withClient(h.client, <SignInProbe seen={seen} />), { strict })
    expect(view.container.textContent).toBe('signed-out|none')

    h.reply(signInAnswer(phoneSignInJSON()))
    const created = await act(() => SignIn.create(h.client, { identifier: '+14155552671' }))
    expect(view.container.textContent).toBe('signed-out|needs_first_factor:no code')
    expect(seen.at(-1)).toBeInstanceOf(SignIn)
    expect(seen.at(-1)?.toJSON()).toEqual(created.toJSON())

    h.reply(signInAnswer(firstSent))
    await act(() => created.prepareFirstFactor({ strategy: 'phone_code' }))
    expect(view.container.textContent).toBe('signed-out|needs_first_factor:unverified')

    h.reply(signInAnswer(needsSecond))
    const next = await act(() => seen.at(-1)!.attemptFirstFactor({ strategy: 'phone_code', code: '424242' }))
    expect(next.status).toBe('needs_second_factor')
    expect(view.container.textContent).toBe('signed-out|needs_second_factor:verified')

    // The completing step leaves no sign-in in the client, and the store is signed in.
    h.reply(signInAnswer(phoneSignInJSON({ status: 'complete', created_session_id: 'sess_new' })))
    await act(() => next.attemptSecondFactor({ strategy: 'backup_code', code: 'a1b2c3d4' }))
    expect(view.container.textContent).toBe('signed-in|none')
    await view.unmount()
  })

  it('hands out the same instance on every render while the client does not change', async () => {
    const h = await signedOut()
    h.reply(signInAnswer(phoneSignInJSON()))
    await SignIn.create(h.client, { identifier: '+14155552671' })
    const seen: Array<SignIn | null> = []
    function Probe({ tick }: { tick: number }) {
      seen.push(useSignIn())
      return <p>{tick}</p>
    }
    const view = await render(withClient(h.client, <Probe tick={1} />))
    await view.rerender(withClient(h.client, <Probe tick={2} />))
    expect(seen.length).toBeGreaterThanOrEqual(2)
    expect(new Set(seen).size).toBe(1)
    expect(seen[0]?.id).toBe('sia_1')
    await view.unmount()
  })

  it('shows a sign-in another tab started, and resumes one after a reload', async () => {
    const bus = fakeBus()
    const server = { current: clientJSON(null) }
    const tab = () =>
      createClient({
        frontendApi: 'http://localhost:4010',
        authMode: 'header',
        crossTab: bus.open,
        fetch: fakeFetch(() => jsonResponse(200, envelope(server.current))).fetch,
      })
    const here = tab()
    const there = tab()
    await vi.dynamicImportSettled()
    await act(() => here.load())
    const view = await render(withClient(here, <SignInProbe seen={[]} />))
    expect(view.container.textContent).toBe('signed-out|none')

    server.current = clientJSON(null, { sign_in: firstSent, updated_at: Date.now() })
    await act(async () => {
      await there.load()
      await bus.flush()
    })
    expect(view.container.textContent).toBe('signed-out|needs_first_factor:unverified')
    await view.unmount()

    // A new page (a reload): the sign-in in progress comes back with the client.
    const reloaded = tab()
    await vi.dynamicImportSettled()
    const again = await render(withClient(reloaded, <SignInProbe seen={[]} />))
    expect(again.container.textContent).toBe('unloaded|none')
    await act(() => reloaded.load())
    expect(again.container.textContent).toBe('signed-out|needs_first_factor:unverified')
    await again.unmount()
    for (const client of [here, there, reloaded]) client.close()
  })
})

describe('useSignUp', () => {
  it.each([false, true])('is null, then follows a sign-up to its completion (StrictMode %s)', async (strict) => {
    const h = await signedOut()
    const view = await render(withClient(h.client, <SignUpProbe />), { strict })
    expect(view.container.textContent).toBe('none')

    h.reply(signUpAnswer(phoneSignUpJSON()))
    const created = await act(() => SignUp.create(h.client, { phoneNumber: '+14155552671' }))
    expect(view.container.textContent).toBe('missing_requirements:no code')

    h.reply(signUpAnswer(phoneSignUpJSON({ verifications: { phone_number: otpJSON() } })))
    const sent = await act(() => created.preparePhoneNumberVerification())
    expect(view.container.textContent).toBe('missing_requirements:unverified')

    h.reply(signUpAnswer(phoneSignUpJSON({ status: 'complete', created_user_id: 'user_1', created_session_id: 'sess_new' })))
    await act(() => sent.attemptPhoneNumberVerification({ code: '424242' }))
    expect(view.container.textContent).toBe('none')
    expect(h.client.store.get().status).toBe('signed-in')
    await view.unmount()
  })
})
