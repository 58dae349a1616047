// dialkit/testing against a real emulator over real HTTP: started in process by the kit, and reached from a
// second kit through its /__dev surface as a kit on a running emulator would be.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { isDialkitError, isNetworkError, isValidationError } from '../../src/index.js'
import { connectTestKit, startTestKit, type TestKit } from '../../src/testing/index.js'

const REAL = '+14155552671'

let kit: TestKit
beforeAll(async () => {
  kit = await startTestKit()
})
afterAll(() => kit.stop())
afterEach(() => vi.useRealTimers())

/** A stand-in for an app's dev server that proxies every request to the emulator, recording the paths. */
async function startProxy(target: string) {
  const paths: string[] = []
  const server = createServer(async (req, res) => {
    paths.push(new URL(req.url ?? '/', target).pathname)
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => name !== 'host' && name !== 'content-length')) as Record<string, string>
    const answer = await fetch(new URL(req.url ?? '/', target), { method: req.method, headers, ...(chunks.length > 0 && { body: Buffer.concat(chunks) }) })
    res.writeHead(answer.status, Object.fromEntries(answer.headers)).end(Buffer.from(await answer.arrayBuffer()))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { url, paths, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

async function rejection(action: () => unknown): Promise<unknown> {
  try {
    await action()
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}

describe('createUser', () => {
  it('gives each user a fresh verified test number as primary', async () => {
    const [ada, bob] = await Promise.all([kit.createUser({ firstName: 'Ada' }), kit.createUser()])
    expect(ada.phoneNumber).toMatch(/^\+1\d{3}55501\d{2}$/)
    expect(bob.phoneNumber).toMatch(/^\+1\d{3}55501\d{2}$/)
    expect(ada.phoneNumber).not.toBe(bob.phoneNumber)
    expect(ada.user).toMatchObject({ id: ada.id, firstName: 'Ada', twoFactorEnabled: false })
    expect(ada.user.phoneNumbers).toEqual([expect.objectContaining({ phoneNumber: ada.phoneNumber, verification: expect.objectContaining({ status: 'verified' }) })])
    expect(ada.user.primaryPhoneNumberId).toBe(ada.user.phoneNumbers[0]!.id)
    expect(ada.backupCodes).toBeNull()
  })

  it('sets up 2FA on the primary number and returns the backup codes once', async () => {
    const user = await kit.createUser({ phoneNumbers: ['14155552601', '+14155552602'], secondFactor: true })
    expect(user.phoneNumber).toBe('+14155552601')
    expect(user.backupCodes).toHaveLength(10)
    expect(user.user).toMatchObject({ twoFactorEnabled: true, backupCodeEnabled: true })
    expect(user.user.phoneNumbers.map((phone) => [phone.phoneNumber, phone.reservedForSecondFactor])).toEqual([
      ['+14155552601', true],
      ['+14155552602', false],
    ])
  })

  it('skips fresh test numbers another kit on the same emulator already gave out', async () => {
    const mine = await kit.createUser()
    // A second kit (a parallel worker) starts the same sequence: the numbers taken are skipped, not an error.
    const other = await connectTestKit({ url: kit.url, secretKey: kit.secretKey }).createUser()
    const taken = (await kit.backend.users.getUserList({ limit: 100 })).data.filter((user) => user.id !== other.id).flatMap((user) => user.phoneNumbers.map((phone) => phone.phoneNumber))
    expect(taken).toContain(mine.phoneNumber)
    expect(other.user.phoneNumbers.map((phone) => phone.phoneNumber)).toEqual([other.phoneNumber])
    expect(taken).not.toContain(other.phoneNumber)
  })

  it('refuses bad input before creating anything', async () => {
    const before = (await kit.backend.users.getUserList({ limit: 1 })).totalCount
    expect(await rejection(() => kit.createUser({ phoneNumbers: ['call me'] }))).toMatchObject({ name: 'ValidationError', code: 'phone_number_invalid', paramName: 'phone_numbers' })
    expect(await rejection(() => kit.createUser({ phoneNumbers: [], secondFactor: true }))).toMatchObject({ code: 'param_invalid', paramName: 'second_factor' })
    expect(await rejection(() => kit.createUser({ secondFactor: 'yes' as never }))).toMatchObject({ code: 'param_invalid', paramName: 'second_factor' })
    expect(await rejection(() => kit.createUser({ phoneNumbers: '+14155552603' as never }))).toMatchObject({ code: 'param_invalid', paramName: 'phone_numbers' })
    expect((await kit.backend.users.getUserList({ limit: 1 })).totalCount).toBe(before)
  })
})

describe('signInClient and signInPage', () => {
  it('signs a fresh SDK client in, also as a user with 2FA', async () => {
    const user = await kit.createUser({ secondFactor: true })
    const client = await kit.signInClient(user)
    expect(client.store.get()).toMatchObject({ status: 'signed-in', user: { id: user.id } })
    expect(client.user?.phoneNumbers.map(String)).toEqual([user.phoneNumber])
    expect((await kit.signInClient(user.id)).user?.id).toBe(user.id)
  })

  it('signs a page in through its cookie jar: the __client cookie is a signed-in client', async () => {
    const user = await kit.createUser()
    const jar = { addCookies: vi.fn(async () => undefined) }
    await kit.signInPage({ context: () => jar }, user)
    expect(jar.addCookies).toHaveBeenCalledTimes(1)
    const [[cookie]] = jar.addCookies.mock.calls[0] as unknown as [[{ name: string; value: string; url: string; httpOnly: boolean }]]
    expect(cookie).toMatchObject({ name: '__client', url: kit.url, httpOnly: true })
    const response = await fetch(`${kit.url}/v1/client`, { headers: { cookie: `__client=${cookie.value}` } })
    const { response: client } = (await response.json()) as { response: { sessions: Array<{ user: { id: string } }> } }
    expect(client.sessions.map((session) => session.user.id)).toEqual([user.id])

  })

  it('signs in through an app origin that proxies /v1 to the emulator, and sets the cookie for that origin', async () => {
    const user = await kit.createUser()
    const app = await startProxy(kit.url)
    try {
      const jar = { addCookies: vi.fn(async () => undefined) }
      await kit.signInPage(jar, user, { url: `${app.url}/` })
      expect(jar.addCookies.mock.calls[0]).toEqual([[expect.objectContaining({ name: '__client', url: app.url })]])
      expect(app.paths).toContain('/v1/client/sign_ins')
    } finally {
      await app.stop()
    }
  })

  it('refuses what is not a page, a user or a URL, before signing anything in', async () => {
    const user = await kit.createUser()
    const sessions = async () => (await kit.backend.sessions.getSessionList({ userId: user.id })).totalCount
    expect(await rejection(() => kit.signInPage({} as never, user))).toMatchObject({ name: 'ValidationError', paramName: 'page' })
    expect(await rejection(() => kit.signInPage({ addCookies: vi.fn() }, 'someone'))).toMatchObject({ paramName: 'user' })
    expect(await rejection(() => kit.signInPage({ addCookies: vi.fn() }, user, { url: 'localhost' }))).toMatchObject({ paramName: 'url' })
    expect(await rejection(() => kit.signInClient({} as never))).toMatchObject({ paramName: 'user' })
    expect(await sessions()).toBe(0)
  })
})

describe('codes', () => {
  it('reads the latest code, and waits for one that is not there yet', async () => {
    const client = await kit.signInClient(await kit.createUser())
    const phone = await client.user!.createPhoneNumber({ phoneNumber: REAL })
    expect(await kit.latestCode(REAL)).toBeUndefined()
    const waiting = kit.waitForSms(REAL)
    const sent = await phone.prepareVerification()
    const sms = await waiting
    expect(sms).toMatchObject({ to: REAL, purpose: 'phone_number_verification', code: expect.stringMatching(/^\d{6}$/) })
    expect(await kit.latestCode('14155552671')).toBe(sms.code)
    expect(await kit.latestCode(REAL, 'sign_in_first_factor')).toBeUndefined()
    expect(await kit.waitForCode(REAL)).toBe(sms.code) // already there: at once

    // A resend: `after` waits for the newer text, past the throttle on the emulator's clock.
    await kit.clock.advance(30_000)
    const resent = kit.waitForSms(REAL, { after: sms })
    await sent.prepareVerification()
    const second = await resent
    expect(second.id).not.toBe(sms.id)
    expect((await sent.attemptVerification({ code: second.code })).verification?.status).toBe('verified')
    await phone.destroy()
  })

  it('says which code did not arrive when the wait is over, on the fake clock', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const waiting = rejection(() => kit.waitForCode('+14155552699', { purpose: 'sign_in_first_factor', timeout: 2000 }))
    await vi.advanceTimersByTimeAsync(2000)
    const error = await waiting
    expect(isDialkitError(error)).toBe(true)
    expect((error as Error).message).toBe(
      'dialkit/testing: no sign_in_first_factor code arrived for +14155552699 within 2000 ms (was it sent? test numbers send none)',
    )
  })

  it('answers 424242 for a test number, which is never texted', async () => {
    expect(await kit.waitForCode('+12015550199')).toBe('424242')
    expect(await kit.latestCode('+12015550199')).toBe('424242')
    expect(await rejection(() => kit.waitForSms('+12015550199'))).toMatchObject({ name: 'ValidationError', paramName: 'phone_number' })
  })

  it('refuses a bad number, timeout or marker before reading anything', async () => {
    expect(await rejection(() => kit.waitForCode('555'))).toMatchObject({ code: 'phone_number_invalid' })
    expect(await rejection(() => kit.latestCode(42 as never))).toMatchObject({ code: 'phone_number_invalid' })
    expect(await rejection(() => kit.waitForCode(REAL, { timeout: -1 }))).toMatchObject({ code: 'param_invalid', paramName: 'timeout' })
    expect(await rejection(() => kit.waitForCode('+12015550199', { timeout: Number.NaN }))).toMatchObject({ paramName: 'timeout' })
    expect(await rejection(() => kit.waitForSms(REAL, { after: {} as never }))).toMatchObject({ paramName: 'after' })
  })
})

describe('clock', () => {
  it('moves the emulator clock, and refuses a move that is not a number', async () => {
    const before = await kit.clock.now()
    expect(await kit.clock.advance(60_000)).toBeGreaterThanOrEqual(before + 60_000)
    expect(kit.emulator!.clock.now()).toBeGreaterThanOrEqual(before + 60_000)
    expect(await kit.clock.set(before)).toBe(before)
    expect(await rejection(() => kit.clock.advance(Number.POSITIVE_INFINITY))).toMatchObject({ name: 'ValidationError', paramName: 'ms' })
    expect(await rejection(() => kit.clock.set('soon' as never))).toMatchObject({ paramName: 'ms' })
  })
})

describe('connectTestKit: the same kit on an emulator running elsewhere', () => {
  it('creates users, signs in, polls the outbox and moves the clock over HTTP', async () => {
    const remote = connectTestKit({ url: `${kit.url}/`, secretKey: kit.secretKey })
    expect(remote).toMatchObject({ url: kit.url, publishableKey: kit.publishableKey, emulator: undefined })
    const client = await remote.signInClient(await remote.createUser())
    const phone = await client.user!.createPhoneNumber({ phoneNumber: '+14155552698' })
    const waiting = remote.waitForSms('+14155552698', { timeout: 10_000 })
    await phone.prepareVerification()
    const sms = await waiting
    expect(sms).toEqual(kit.emulator!.outbox.latest('+14155552698'))
    expect(await remote.latestCode('+14155552698')).toBe(sms.code)

    const before = kit.emulator!.clock.now()
    expect(await remote.clock.advance(1000)).toBeGreaterThanOrEqual(before + 1000)
    expect(await remote.clock.now()).toBeGreaterThanOrEqual(before + 1000)
    await remote.clock.set(before)
    await remote.clearOutbox()
    expect(kit.emulator!.outbox.list()).toEqual([])
    expect(await rejection(() => remote.waitForCode('+14155552698', { timeout: 0 }))).toMatchObject({
      message: expect.stringMatching(/^dialkit\/testing: no code arrived for \+14155552698 within 0 ms/),
    })
    await remote.stop() // not its emulator: nothing happens
    expect((await fetch(`${kit.url}/__dev/clock`)).ok).toBe(true)
  })

  it('refuses a bad url or secret key at once, and says so when nothing answers', async () => {
    expect(() => connectTestKit({ url: 'localhost:4010', secretKey: kit.secretKey })).toThrow(expect.objectContaining({ code: 'config_invalid', paramName: 'url' }))
    expect(() => connectTestKit({ url: kit.url, secretKey: 'secret' })).toThrow(expect.objectContaining({ name: 'ValidationError' }))
    const stopped = await startTestKit()
    await stopped.stop()
    const error = await rejection(() => connectTestKit({ url: stopped.url, secretKey: stopped.secretKey }).latestSms(REAL))
    expect(isNetworkError(error)).toBe(true)
    expect((error as Error).message).toBe(`dialkit/testing: cannot reach ${stopped.url}/__dev/sms; is the emulator running there?`)
    const notEmulator = await rejection(() => connectTestKit({ url: `${kit.url}/v1`, secretKey: kit.secretKey }).clock.now())
    expect(notEmulator).toMatchObject({ name: 'NetworkError', reason: 'malformed_response' })
    expect(isValidationError(notEmulator)).toBe(false)
  })
})
