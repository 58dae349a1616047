import { describe, expect, it } from 'vitest'
import { createClock, startEmulator } from '../../src/emulator/index.js'

describe('startEmulator', () => {
  it('listens on a free port and returns url, keys, outbox, clock and stop', async () => {
    const emu = await startEmulator({ secretKey: 'sk_test_fixed' })
    try {
      expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect(emu.secretKey).toBe('sk_test_fixed')
      const host = Buffer.from(emu.publishableKey.replace('pk_test_', ''), 'base64').toString()
      expect(`http://${host}`).toBe(`${emu.url}$`)
      const env = await fetch(`${emu.url}/v1/environment`)
      expect(env.status).toBe(200)
      expect(emu.outbox.list()).toEqual([])
    } finally {
      await emu.stop()
    }
    await expect(fetch(`${emu.url}/v1/environment`)).rejects.toThrow()
  })

  it('uses a given clock and exposes it over /__dev/clock', async () => {
    const clock = createClock(1_700_000_000_000)
    const emu = await startEmulator({ clock })
    try {
      const advanced = await fetch(`${emu.url}/__dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"advance_ms":60000}' })
      expect(((await advanced.json()) as { now: number }).now).toBeGreaterThanOrEqual(1_700_000_060_000)
      expect(emu.clock.now()).toBeGreaterThanOrEqual(1_700_000_060_000)
    } finally {
      await emu.stop()
    }
  })

  it('stops idempotently even with an open keep-alive connection', async () => {
    const emu = await startEmulator()
    await fetch(`${emu.url}/v1/client`)
    await Promise.all([emu.stop(), emu.stop()])
  })

  it('rejects a bad option instead of misbehaving later', async () => {
    await expect(startEmulator({ maxAttempts: -1 })).rejects.toMatchObject({ name: 'ValidationError', paramName: 'max_attempts' })
  })
})
