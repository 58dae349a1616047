// Clerk's development-instance handshake. clerk-js, on a development key, first calls
// `POST /v1/dev_browser` and then sends the JWT it gets as `__clerk_db_jwt` on every request, so the
// instance finds the browser's client without third-party cookies. The JWT only names a dev browser;
// which client that browser has is kept here, so a destroyed client is replaced, not lost.
import { jwtVerify, SignJWT } from 'jose'
import { createHmac } from 'node:crypto'
import type { EmulatorContext } from '../context.js'
import { ClerkHttpError } from '../errors.js'
import { createId } from '../ids.js'
import type { ClientRecord } from '../state.js'
import { createClientRecord } from './sessions.js'

/** clerk-js answers this 401 by dropping its dev browser and making a new one. */
export const devBrowserUnauthenticated = () =>
  new ClerkHttpError(401, 'dev_browser_unauthenticated', 'Browser unauthenticated', 'Unable to authenticate this browser for your development instance.')

// HS256 over a key derived from the secret key: the JWT only has to prove it came from this instance.
function devBrowserKey(ctx: EmulatorContext): Uint8Array {
  return createHmac('sha256', ctx.config.secretKey).update('dialkit-emulator/dev-browser').digest()
}

function bindClient(ctx: EmulatorContext, devBrowserId: string): ClientRecord {
  const client = createClientRecord(ctx)
  client.devBrowserId = devBrowserId
  ctx.store.devBrowsers.set(devBrowserId, client.id)
  return client
}

/** `POST /v1/dev_browser`: a new dev browser with a fresh client; returns its JWT. */
export function createDevBrowser(ctx: EmulatorContext): Promise<string> {
  const id = createId('dvb')
  bindClient(ctx, id)
  return new SignJWT({ dev: id }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt(Math.floor(ctx.clock.now() / 1000)).sign(devBrowserKey(ctx))
}

/**
 * The client of the dev browser a `__clerk_db_jwt` names; `created` when its client had been destroyed
 * and a fresh one took its place. A JWT this instance did not sign is `dev_browser_unauthenticated`.
 */
export async function clientOfDevBrowser(ctx: EmulatorContext, jwt: string): Promise<{ client: ClientRecord; created: boolean }> {
  let devBrowserId: unknown
  try {
    devBrowserId = (await jwtVerify(jwt, devBrowserKey(ctx), { algorithms: ['HS256'] })).payload.dev
  } catch {
    throw devBrowserUnauthenticated()
  }
  if (typeof devBrowserId !== 'string') throw devBrowserUnauthenticated()
  const clientId = ctx.store.devBrowsers.get(devBrowserId)
  const client = clientId === undefined ? undefined : ctx.store.clients.get(clientId)
  return client ? { client, created: false } : { client: bindClient(ctx, devBrowserId), created: true }
}
