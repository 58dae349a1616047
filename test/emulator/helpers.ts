import { createApp } from '../../src/emulator/http/app.js'
import { createEmulatorContext, type EmulatorSettings } from '../../src/emulator/create-context.js'
import type { EmulatorContext } from '../../src/emulator/context.js'

export const SECRET = 'sk_test_helpers'

export interface Reply {
  status: number
  headers: Headers
  body: any // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** An in-process emulator driven through `app.request()`, with small FAPI/BAPI helpers. */
export function createTestEmulator(settings: EmulatorSettings = {}) {
  const { ctx } = createEmulatorContext({ secretKey: SECRET, ...settings })
  const app = createApp(ctx)
  let token: string | undefined

  async function send(path: string, init: RequestInit): Promise<Reply> {
    const res = await app.request(`http://127.0.0.1${path}`, init)
    const text = await res.text()
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null }
  }

  /** FAPI call the way clerk-js makes it: POST + _method, form body, header auth. */
  async function fapi(method: string, path: string, form?: Record<string, string>, auth = token): Promise<Reply> {
    const real = method === 'GET' ? 'GET' : 'POST'
    const url = method === 'GET' || method === 'POST' ? path : `${path}${path.includes('?') ? '&' : '?'}_method=${method}`
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' }
    if (auth) headers.authorization = auth
    const reply = await send(url, { method: real, headers, ...(real === 'POST' && { body: new URLSearchParams(form ?? {}).toString() }) })
    const returned = reply.headers.get('authorization')
    if (returned && auth === token) token = returned
    return reply
  }

  async function bapi(method: string, path: string, body?: unknown, secret = SECRET): Promise<Reply> {
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${secret}` }
    return send(path, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) })
  }

  /** Creates a user through BAPI and signs this emulator's FAPI client in as them. */
  async function signIn(userBody: Record<string, unknown> = {}): Promise<{ userId: string; sessionId: string }> {
    const user = await bapi('POST', '/v1/users', userBody)
    const ticket = await bapi('POST', '/v1/sign_in_tokens', { user_id: user.body.id })
    const signIn = await fapi('POST', '/v1/client/sign_ins', { strategy: 'ticket', ticket: ticket.body.token })
    return { userId: user.body.id, sessionId: signIn.body.response.created_session_id }
  }

  return {
    ctx: ctx as EmulatorContext,
    app,
    send,
    fapi,
    bapi,
    signIn,
    get token() {
      return token
    },
    set token(value: string | undefined) {
      token = value
    },
  }
}
