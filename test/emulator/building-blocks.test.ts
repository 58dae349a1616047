import { describe, expect, it } from 'vitest'
import { createClock } from '../../src/emulator/clock.js'
import { createCodeHasher, generateCode } from '../../src/emulator/codes.js'
import { ClerkHttpError, errorBody, tooManyCodeRequests } from '../../src/emulator/errors.js'
import { createOutbox } from '../../src/emulator/outbox.js'
import { isTestNumber, normalizeE164 } from '../../src/emulator/phone-format.js'
import { createTestEmulator } from './helpers.js'

describe('clock', () => {
  it('advances and jumps without sleeping', () => {
    const clock = createClock(1_000_000)
    expect(clock.now()).toBeGreaterThanOrEqual(1_000_000)
    expect(clock.advance(5_000)).toBeGreaterThanOrEqual(1_005_000)
    expect(clock.set(42)).toBe(42)
    expect(clock.now()).toBeLessThan(10_000)
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError)
  })
})

describe('outbox', () => {
  it('lists newest first, finds the latest per number (with or without +) and purpose, notifies and clears', () => {
    const outbox = createOutbox()
    const seen: string[] = []
    const off = outbox.onMessage((m) => seen.push(m.id))
    outbox.add({ id: 'a', to: '+1555', body: '', code: '1', purpose: 'sign_in_first_factor', createdAt: 1 })
    outbox.add({ id: 'b', to: '+1666', body: '', code: '2', purpose: 'phone_number_verification', createdAt: 2 })
    off()
    outbox.add({ id: 'c', to: '+1555', body: '', code: '3', purpose: 'phone_number_verification', createdAt: 3 })
    expect(outbox.list().map((m) => m.id)).toEqual(['c', 'b', 'a'])
    expect(outbox.latest('1555')?.id).toBe('c')
    expect(outbox.latest()?.id).toBe('c')
    expect(outbox.latest('+1555', 'sign_in_first_factor')?.id).toBe('a')
    expect(outbox.latest(undefined, 'sign_in_second_factor')).toBeUndefined()
    expect(seen).toEqual(['a', 'b'])
    outbox.clear()
    expect(outbox.latest()).toBeUndefined()
  })
})

describe('codes', () => {
  it('draws six digits and matches only the hashed code', () => {
    const codes = new Set(Array.from({ length: 200 }, generateCode))
    for (const code of codes) expect(code).toMatch(/^\d{6}$/)
    expect(codes.size).toBeGreaterThan(190)
    const hasher = createCodeHasher('key')
    const hash = hasher.hash('123456')
    expect(hash).not.toContain('123456')
    expect(hasher.matches('123456', hash)).toBe(true)
    expect(hasher.matches('123457', hash)).toBe(false)
    expect(hasher.matches('123456', 'abcd')).toBe(false)
    expect(createCodeHasher('other').matches('123456', hash)).toBe(false)
  })
})

describe('phone format', () => {
  it('normalizes E.164 with or without + and spots test numbers', () => {
    expect(normalizeE164('15551234567')).toBe('+15551234567')
    expect(normalizeE164(' +447911123456 ')).toBe('+447911123456')
    expect(normalizeE164('+1 555')).toBeNull()
    expect(normalizeE164('+123456')).toBeNull()
    expect(isTestNumber('+12015550199')).toBe(true)
    expect(isTestNumber('+12015550200')).toBe(false)
  })
})

describe('error mapping', () => {
  it('builds Clerk error bodies with param_name and Retry-After seconds', () => {
    expect(errorBody(tooManyCodeRequests(12, 30), 't')).toEqual({
      errors: [{ code: 'verification_code_too_many_requests', message: 'Too many verification code requests', long_message: expect.stringContaining('30 seconds'), meta: {} }],
      clerk_trace_id: 't',
    })
    expect(tooManyCodeRequests(12, 30).retryAfter).toBe(12)
  })

  it('turns an unexpected failure into 500 internal_clerk_error without logging the request', async () => {
    const lines: string[] = []
    const emu = createTestEmulator({ log: (line) => lines.push(line) })
    await emu.signIn()
    const id = (await emu.fapi('POST', '/v1/me/phone_numbers', { phone_number: '+14155552671' })).body.response.id as string
    let leaked = ''
    emu.ctx.outbox.add = (message) => {
      leaked = message.code
      throw new Error(`carrier down for ${message.code}`)
    }
    const reply = await emu.fapi('POST', `/v1/me/phone_numbers/${id}/prepare_verification`, { strategy: 'phone_code' })
    expect(reply.status).toBe(500)
    expect(reply.body.errors[0].code).toBe('internal_clerk_error')
    expect(JSON.stringify(reply.body)).not.toContain(leaked)
    expect(lines.join('\n')).not.toContain(leaked)
    expect(lines).toEqual(['internal error: Error'])
  })

  it('keeps ClerkHttpError fields', () => {
    const error = new ClerkHttpError(422, 'c', 'm', 'l', 'p')
    expect(error).toMatchObject({ status: 422, code: 'c', message: 'm', longMessage: 'l', paramName: 'p', name: 'ClerkHttpError' })
  })
})
