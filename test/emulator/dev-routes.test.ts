import { describe, expect, it } from 'vitest'
import { createTestEmulator } from './helpers.js'

const JSON_HEADERS = { 'content-type': 'application/json' }

describe('dev surface', () => {
  it('lists the outbox newest first over /__dev/sms and clears it', async () => {
    const emu = createTestEmulator()
    await emu.signIn()
    for (const number of ['+14155552671', '+14155552672']) {
      const id = (await emu.fapi('POST', '/v1/me/phone_numbers', { phone_number: number })).body.response.id as string
      await emu.fapi('POST', `/v1/me/phone_numbers/${id}/prepare_verification`, { strategy: 'phone_code' })
    }
    const list = await emu.send('/__dev/sms', {})
    expect(list.body.total_count).toBe(2)
    expect(list.body.data.map((m: { to: string }) => m.to)).toEqual(['+14155552672', '+14155552671'])
    expect(list.body.data[0]).toEqual({ id: expect.stringMatching(/^sms_/), to: '+14155552672', body: expect.any(String), code: expect.stringMatching(/^\d{6}$/), purpose: 'phone_number_verification', created_at: expect.any(Number) })
    expect(emu.ctx.outbox.latest('14155552671')?.to).toBe('+14155552671')
    expect((await emu.send('/__dev/sms', { method: 'DELETE' })).body).toEqual({ data: [], total_count: 0 })
    expect(emu.ctx.outbox.list()).toEqual([])
  })

  it('reads, advances and sets the clock', async () => {
    const emu = createTestEmulator()
    const before = (await emu.send('/__dev/clock', {})).body.now as number
    const advanced = await emu.send('/__dev/clock', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ advance_ms: 3_600_000 }) })
    expect(advanced.body.now).toBeGreaterThanOrEqual(before + 3_600_000)
    const set = await emu.send('/__dev/clock', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ now: 1_800_000_000_000 }) })
    expect(set.body.now).toBe(1_800_000_000_000)
    expect(emu.ctx.clock.now()).toBeGreaterThanOrEqual(1_800_000_000_000)
  })

  it('rejects a malformed clock request with a Clerk-shaped 4xx', async () => {
    const emu = createTestEmulator()
    for (const body of ['{"advance_ms":"soon"}', '{}', '{"advance_ms":1,"now":2}', 'not json', '[1]']) {
      const reply = await emu.send('/__dev/clock', { method: 'POST', headers: JSON_HEADERS, body })
      expect(reply.status).toBeGreaterThanOrEqual(400)
      expect(reply.status).toBeLessThan(500)
      expect(reply.body.errors[0].code).toEqual(expect.any(String))
    }
  })
})
