// Clerk's own browser SDK, @clerk/clerk-js (headless, the pinned devDependency), signs up with a phone
// number and signs in with an SMS code, first without and then with an SMS second factor, against the
// emulator in a real Chromium.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { SmsPurpose } from '../../src/emulator/index.js'
import { screenshotOnFailure } from './browser.js'
import { openPage, useClerkJsRig } from './clerk-js-site.js'

const NUMBER = '+14155552671'

/** Runs a step with `window.Clerk` in the page. */
function inPage<T, A>(page: Page, step: (arg: A) => Promise<T>, arg: A): Promise<T> {
  return page.evaluate(step as never, arg as never) as Promise<T>
}

describe('@clerk/clerk-js phone sign-up and sign-in against the emulator, in Chromium', () => {
  const rig = useClerkJsRig()

  /** The code just sent for `purpose`; then past the resend throttle, so the next step may send again. */
  function codeFor(purpose: SmsPurpose): string {
    const code = rig.emu.outbox.latest(NUMBER, purpose)!.code
    rig.emu.clock.advance(30_000)
    return code
  }

  it('signs up with a phone, signs out, signs in with phone_code, then with an SMS second factor', async () => {
    const outside: string[] = []
    const errors: string[] = []
    const page = await openPage(rig.browser, rig.site.pageUrl(rig.emu.publishableKey, rig.emu.url), outside, errors)
    screenshotOnFailure(page, 'clerk-js-phone-auth')

    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    type W = any
    const signUp = await inPage(
      page,
      async (phoneNumber) => {
        const clerk = (window as W).Clerk
        await clerk.load()
        const created = await clerk.client.signUp.create({ phoneNumber })
        const prepared = await created.preparePhoneNumberVerification()
        return { status: created.status, unverified: created.unverifiedFields, next: prepared.verifications.phoneNumber.nextAction }
      },
      NUMBER,
    )
    expect(signUp).toEqual({ status: 'missing_requirements', unverified: ['phone_number'], next: 'needs_attempt' })

    const signedUp = await inPage(
      page,
      async (code) => {
        const clerk = (window as W).Clerk
        const done = await clerk.client.signUp.attemptPhoneNumberVerification({ code })
        await clerk.setActive({ session: done.createdSessionId })
        return { status: done.status, userId: done.createdUserId, user: clerk.user.id, phone: clerk.user.primaryPhoneNumber.phoneNumber }
      },
      codeFor('sign_up_verification'),
    )
    expect(signedUp).toMatchObject({ status: 'complete', user: signedUp.userId, phone: NUMBER })

    const firstFactor = await inPage(
      page,
      async (identifier) => {
        const clerk = (window as W).Clerk
        await clerk.signOut(() => undefined) // a callback instead of the default redirect
        const signIn = await clerk.client.signIn.create({ identifier })
        const factor = signIn.supportedFirstFactors.find((f: { strategy: string; safeIdentifier: string }) => f.strategy === 'phone_code' && f.safeIdentifier === identifier)
        await signIn.prepareFirstFactor({ strategy: 'phone_code', phoneNumberId: factor.phoneNumberId })
        return { signedOut: clerk.user ?? null, status: signIn.status, verification: clerk.client.signIn.firstFactorVerification.status }
      },
      NUMBER,
    )
    expect(firstFactor).toEqual({ signedOut: null, status: 'needs_first_factor', verification: 'unverified' })

    const signedIn = await inPage(
      page,
      async (code) => {
        const clerk = (window as W).Clerk
        const signIn = await clerk.client.signIn.attemptFirstFactor({ strategy: 'phone_code', code })
        await clerk.setActive({ session: signIn.createdSessionId })
        return { status: signIn.status, user: clerk.user.id }
      },
      codeFor('sign_in_first_factor'),
    )
    expect(signedIn).toEqual({ status: 'complete', user: signedUp.userId })

    const phoneId = (await rig.backend.users.getUser(signedUp.userId)).phoneNumbers[0]!.id
    await rig.backend.phoneNumbers.updatePhoneNumber(phoneId, { reservedForSecondFactor: true })
    const secondStep = await inPage(
      page,
      async (identifier) => {
        const clerk = (window as W).Clerk
        await clerk.signOut(() => undefined) // a callback instead of the default redirect
        const signIn = await clerk.client.signIn.create({ identifier, strategy: 'phone_code' })
        return { status: signIn.status, verification: signIn.firstFactorVerification.status }
      },
      NUMBER,
    )
    expect(secondStep).toEqual({ status: 'needs_first_factor', verification: 'unverified' })

    const needsSecond = await inPage(
      page,
      async (code) => {
        const clerk = (window as W).Clerk
        const signIn = await clerk.client.signIn.attemptFirstFactor({ strategy: 'phone_code', code })
        const factors = signIn.supportedSecondFactors.map((f: { strategy: string }) => f.strategy)
        await signIn.prepareSecondFactor({ strategy: 'phone_code' })
        return { status: signIn.status, factors, verification: clerk.client.signIn.secondFactorVerification.status }
      },
      codeFor('sign_in_first_factor'),
    )
    expect(needsSecond).toEqual({ status: 'needs_second_factor', factors: ['phone_code', 'backup_code'], verification: 'unverified' })

    const complete = await inPage(
      page,
      async (code) => {
        const clerk = (window as W).Clerk
        const signIn = await clerk.client.signIn.attemptSecondFactor({ strategy: 'phone_code', code })
        await clerk.setActive({ session: signIn.createdSessionId })
        return { status: signIn.status, user: clerk.user.id, twoFactor: clerk.user.twoFactorEnabled }
      },
      codeFor('sign_in_second_factor'),
    )
    expect(complete).toEqual({ status: 'complete', user: signedUp.userId, twoFactor: true })
    expect(outside).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })
})
