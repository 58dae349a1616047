// Clerk's own browser SDK, @clerk/clerk-js (headless, the pinned devDependency), runs the whole
// phone-number flow against the emulator in a real Chromium: load, ticket sign-in, setActive, a session
// token, create, prepare, a wrong and a right code, SMS second factor with backup codes, destroy; and a
// whole session life: a token the app's server verifies with @clerk/backend, reload, both forms of
// signOut() and the removal of one session.
import { verifyToken } from '@clerk/backend'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { isApiResponseError } from '../../src/backend/index.js'
import { screenshotOnFailure } from './browser.js'
import { openPage, useClerkJsRig } from './clerk-js-site.js'

const NUMBER = '+14155552671'

/** `METHOD /path` of every request the page sends to the emulator, with clerk-js's `_method` override applied. */
function recordCalls(page: Page, emulatorUrl: string): string[] {
  const calls: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (!request.url().startsWith(emulatorUrl) || request.method() === 'OPTIONS') return
    calls.push(`${url.searchParams.get('_method') ?? request.method()} ${url.pathname}`)
  })
  return calls
}

describe('@clerk/clerk-js against the emulator, in Chromium', () => {
  const rig = useClerkJsRig()

  it('loads signed in as the user dialkit/testing signed the page in as, with no sign-in step in the page', async () => {
    const outside: string[] = []
    const errors: string[] = []
    const user = await rig.kit.createUser({ firstName: 'Kit', secondFactor: true })
    const page = await openPage(rig.browser, rig.site.pageUrl(rig.emu.publishableKey, rig.emu.url), outside, errors)
    screenshotOnFailure(page, 'clerk-js-kit-sign-in')
    await rig.kit.signInPage(page, user)
    await page.reload()
    await page.waitForFunction(() => 'Clerk' in window)
    const seen = await page.evaluate(async () => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const clerk = (window as any).Clerk
      await clerk.load()
      return { userId: clerk.user?.id, firstName: clerk.user?.firstName, phone: clerk.user?.primaryPhoneNumber?.phoneNumber, twoFactor: clerk.user?.twoFactorEnabled }
    })
    expect(seen).toEqual({ userId: user.id, firstName: 'Kit', phone: user.phoneNumber, twoFactor: true })
    expect(outside).toEqual([])
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('signs in with a ticket and adds, verifies, reserves and deletes a phone number', async () => {
    const user = await rig.backend.users.createUser({ firstName: 'Ada' })
    const { token: ticket } = await rig.backend.signInTokens.createSignInToken({ userId: user.id })
    const outside: string[] = []
    const errors: string[] = []
    const page = await openPage(rig.browser, rig.site.pageUrl(rig.emu.publishableKey, rig.emu.url), outside, errors)
    screenshotOnFailure(page, 'clerk-js-compat')

    const signedIn = await page.evaluate(
      async ({ ticket, phoneNumber }) => {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const w = window as any
        const clerk = w.Clerk
        await clerk.load()
        const before = { loaded: clerk.loaded, user: clerk.user ?? null }
        const signIn = await clerk.client.signIn.create({ strategy: 'ticket', ticket })
        await clerk.setActive({ session: signIn.createdSessionId })
        const jwt: string = await clerk.session.getToken()
        const phone = await clerk.user.createPhoneNumber({ phoneNumber })
        w.phone = await phone.prepareVerification()
        return {
          before,
          signInStatus: signIn.status,
          sessionId: clerk.session.id,
          userId: clerk.user.id,
          claims: JSON.parse(atob(jwt.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))),
          phone: { id: w.phone.id, phoneNumber: w.phone.phoneNumber, status: w.phone.verification.status, expireAt: w.phone.verification.expireAt.getTime() },
          userPhones: clerk.user.phoneNumbers.map((p: { id: string }) => p.id),
        }
      },
      { ticket, phoneNumber: NUMBER },
    )
    expect(signedIn.before).toEqual({ loaded: true, user: null })
    expect(signedIn.signInStatus).toBe('complete')
    expect(signedIn.userId).toBe(user.id)
    expect(signedIn.claims).toMatchObject({ sid: signedIn.sessionId, sub: user.id })
    expect(signedIn.claims.exp).toBeGreaterThan(signedIn.claims.iat)
    expect(signedIn.phone).toMatchObject({ phoneNumber: NUMBER, status: 'unverified' })
    expect(signedIn.phone.expireAt).toBeGreaterThan(rig.emu.clock.now())
    expect(signedIn.userPhones).toEqual([signedIn.phone.id])

    const code = rig.emu.outbox.latest(NUMBER)!.code
    const wrong = code === '000000' ? '111111' : '000000'
    const attempts = await page.evaluate(
      async ({ code, wrong }) => {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const w = window as any
        const failure = await w.phone.attemptVerification({ code: wrong }).then(
          () => null,
          // Clerk's own type guard compares the constructor's `kind` (names are minified in the bundle).
          (e: { constructor: { kind?: string }; status: number; errors: Array<{ code: string; meta: { paramName?: string } }> }) => ({
            kind: e.constructor.kind,
            status: e.status,
            code: e.errors[0]?.code,
            paramName: e.errors[0]?.meta.paramName,
          }),
        )
        const verified = await w.phone.attemptVerification({ code })
        const reserved = await verified.setReservedForSecondFactor({ reserved: true })
        return {
          failure,
          status: verified.verification.status,
          reserved: reserved.reservedForSecondFactor,
          backupCodes: reserved.backupCodes?.length ?? 0,
          twoFactor: w.Clerk.user.twoFactorEnabled,
          userPhone: w.Clerk.user.phoneNumbers[0].reservedForSecondFactor,
        }
      },
      { code, wrong },
    )
    expect(attempts.failure).toEqual({ kind: 'ClerkAPIResponseError', status: 422, code: 'form_code_incorrect', paramName: 'code' })
    expect(attempts.status).toBe('verified')
    expect(attempts.reserved).toBe(true)
    expect(attempts.backupCodes).toBeGreaterThan(0)
    expect(attempts.twoFactor).toBe(true)
    expect(attempts.userPhone).toBe(true)
    const stored = await rig.backend.phoneNumbers.getPhoneNumber(signedIn.phone.id)
    expect(stored).toMatchObject({ phoneNumber: NUMBER, reservedForSecondFactor: true, defaultSecondFactor: true })
    expect(stored.verification?.status).toBe('verified')

    const after = await page.evaluate(async () => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const clerk = (window as any).Clerk
      await clerk.user.phoneNumbers[0].destroy()
      return clerk.user.phoneNumbers.length
    })
    expect(after).toBe(0)
    const gone = await rig.backend.phoneNumbers.getPhoneNumber(signedIn.phone.id).catch((error: unknown) => error)
    expect(isApiResponseError(gone) && gone.status).toBe(404)
    expect((await rig.backend.users.getUser(user.id)).phoneNumbers).toEqual([])
    expect(outside).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })

  it('lives a whole session: token, reload, signOut() in both forms and the removal of one session', async () => {
    const user = await rig.backend.users.createUser({ firstName: 'Lin' })
    const ticket = async () => (await rig.backend.signInTokens.createSignInToken({ userId: user.id })).token
    const outside: string[] = []
    const errors: string[] = []
    const page = await openPage(rig.browser, rig.site.pageUrl(rig.emu.publishableKey, rig.emu.url), outside, errors)
    screenshotOnFailure(page, 'clerk-js-session-life')
    const calls = recordCalls(page, rig.emu.url)
    const signIn = async (options: Record<string, unknown>) => page.evaluate(async ({ ticket, options }) => {
      const clerk = (window as any).Clerk // eslint-disable-line @typescript-eslint/no-explicit-any
      if (!clerk.loaded) await clerk.load(options)
      const signIn = await clerk.client.signIn.create({ strategy: 'ticket', ticket })
      await clerk.setActive({ session: signIn.createdSessionId })
      return { sessionId: clerk.session.id as string, clientId: clerk.client.id as string, jwt: (await clerk.session.getToken()) as string }
    }, { ticket: await ticket(), options })
    const state = () => page.evaluate(async () => {
      const clerk = (window as any).Clerk // eslint-disable-line @typescript-eslint/no-explicit-any
      if (!clerk.loaded) await clerk.load()
      return { userId: (clerk.user?.id ?? null) as string | null, sessions: clerk.client.sessions.length as number, clientId: clerk.client.id as string }
    })
    const reload = async () => {
      await page.reload()
      await page.waitForFunction(() => 'Clerk' in window)
    }

    const first = await signIn({})
    const claims = await verifyToken(first.jwt, { jwtKey: rig.emu.jwtKey, authorizedParties: [rig.site.origin] })
    expect(claims).toMatchObject({ sub: user.id, sid: first.sessionId, azp: rig.site.origin })
    await reload()
    expect(await state()).toEqual({ userId: user.id, sessions: 1, clientId: first.clientId })

    await page.evaluate(() => (window as any).Clerk.signOut(() => undefined)) // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(await state()).toEqual({ userId: null, sessions: 0, clientId: first.clientId })
    expect(calls).toContain('DELETE /v1/client/sessions')
    await reload()
    expect(await state()).toEqual({ userId: null, sessions: 0, clientId: first.clientId })

    const second = await signIn({})
    await page.evaluate(() => (window as any).Clerk.session.remove()) // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(await state()).toMatchObject({ userId: null, sessions: 0 })
    expect(calls).toContain(`POST /v1/client/sessions/${second.sessionId}/remove`)

    await reload()
    const third = await signIn({ experimental: { persistClient: false } })
    await page.evaluate(() => (window as any).Clerk.signOut(() => undefined)) // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(calls).toContain('DELETE /v1/client')
    await reload()
    const after = await state()
    expect(after).toMatchObject({ userId: null, sessions: 0 })
    expect(after.clientId).not.toBe(third.clientId)
    await expect(verifyToken(third.jwt, { jwtKey: rig.emu.jwtKey })).resolves.toMatchObject({ sid: third.sessionId })
    expect(outside).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })

  it('does the dev-browser handshake for a key of a Clerk-hosted development domain, and signs in through it', async () => {
    // clerk-js runs the handshake only when the key's Frontend API is a Clerk development domain; the proxy URL
    // still sends every call to the emulator.
    const devKey = `pk_test_${Buffer.from('dialkit-emulator.clerk.accounts.dev$').toString('base64')}`
    const user = await rig.backend.users.createUser({ firstName: 'Dev' })
    const { token: ticket } = await rig.backend.signInTokens.createSignInToken({ userId: user.id })
    const outside: string[] = []
    const errors: string[] = []
    const page = await openPage(rig.browser, rig.site.pageUrl(devKey, rig.emu.url), outside, errors)
    screenshotOnFailure(page, 'clerk-js-dev-browser')
    const urls: URL[] = []
    page.on('request', (request) => {
      if (request.url().startsWith(rig.emu.url) && request.method() !== 'OPTIONS') urls.push(new URL(request.url()))
    })
    const signedIn = await page.evaluate(async (ticket) => {
      const clerk = (window as any).Clerk // eslint-disable-line @typescript-eslint/no-explicit-any
      await clerk.load()
      const signIn = await clerk.client.signIn.create({ strategy: 'ticket', ticket })
      await clerk.setActive({ session: signIn.createdSessionId })
      return clerk.user.id as string
    }, ticket)
    expect(signedIn).toBe(user.id)
    expect(urls[0]?.pathname).toBe('/v1/dev_browser')
    const sent = new Set(urls.slice(1).map((url) => url.searchParams.get('__clerk_db_jwt')))
    expect(sent.size).toBe(1)
    expect([...sent][0]).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
    expect(outside).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })
})
