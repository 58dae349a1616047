import type { Hono } from 'hono'
import * as v from 'valibot'
import type { EmulatorContext } from '../context.js'
import { readJson, validate } from './body.js'
import type { AppEnv } from './types.js'

const ClockBody = v.union([
  v.strictObject({ advance_ms: v.pipe(v.number(), v.finite()) }),
  v.strictObject({ now: v.pipe(v.number(), v.finite()) }),
])

function smsList(ctx: EmulatorContext) {
  const data = ctx.outbox.list().map((m) => ({ id: m.id, to: m.to, body: m.body, code: m.code, purpose: m.purpose, created_at: m.createdAt }))
  return { data, total_count: data.length }
}

/** Emulator-only endpoints: the SMS outbox and the clock. Unauthenticated on purpose (local use). */
export function registerDevRoutes(app: Hono<AppEnv>, ctx: EmulatorContext): void {
  app.get('/__dev/sms', (c) => c.json(smsList(ctx)))
  app.delete('/__dev/sms', (c) => {
    ctx.outbox.clear()
    return c.json(smsList(ctx))
  })
  app.get('/__dev/clock', (c) => c.json({ now: ctx.clock.now() }))
  app.post('/__dev/clock', async (c) => {
    const body = validate(ClockBody, await readJson(c))
    const now = 'advance_ms' in body ? ctx.clock.advance(body.advance_ms) : ctx.clock.set(body.now)
    return c.json({ now })
  })
}
