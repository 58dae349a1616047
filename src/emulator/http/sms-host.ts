import type { Context } from 'hono'
import type { EmulatorContext } from '../context.js'
import type { AppEnv } from './types.js'

/** WebOTP host for the SMS: the page's origin when the request has one, else the emulator's own host. */
export function smsHost(c: Context<AppEnv>, ctx: EmulatorContext): string {
  const origin = c.req.header('origin')
  try {
    if (origin && origin !== 'null') return new URL(origin).hostname
  } catch {
    // A malformed Origin falls through to the emulator host.
  }
  return new URL(ctx.config.baseUrl).hostname
}
