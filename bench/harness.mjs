/* global fetch, URLSearchParams */
// Shared plumbing for the runtime benchmarks: the emulator child process and a signed-in user over raw HTTP.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const SERVER = fileURLToPath(new URL('./emulator-server.mjs', import.meta.url))

/** Starts the emulator in its own process, so load generator and server do not share an event loop. */
export async function startServer() {
  const child = spawn(process.execPath, [SERVER], { stdio: ['ignore', 'pipe', 'inherit'] })
  const lines = createInterface({ input: child.stdout })
  const [line] = await once(lines, 'line')
  const { url, secretKey } = JSON.parse(line)
  return {
    url,
    secretKey,
    async stop() {
      child.kill('SIGTERM')
      await once(child, 'exit')
    },
  }
}

async function bapi(server, path, body) {
  const response = await fetch(`${server.url}/v1${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`BAPI ${path} answered ${response.status}: ${await response.text()}`)
  return response.json()
}

/** A user with one unverified non-test number, and a sign-in ticket for them. */
export async function createUserWithNumber(server, phoneNumber) {
  const user = await bapi(server, '/users', {})
  const phone = await bapi(server, '/phone_numbers', { user_id: user.id, phone_number: phoneNumber })
  const { token } = await bapi(server, '/sign_in_tokens', { user_id: user.id })
  return { userId: user.id, phoneId: phone.id, ticket: token }
}

/** Signs in over raw FAPI in header mode and returns the client token. */
export async function rawSignIn(server, ticket) {
  const response = await fetch(`${server.url}/v1/client/sign_ins`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ strategy: 'ticket', ticket }),
  })
  if (!response.ok) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`)
  await response.arrayBuffer()
  return response.headers.get('authorization')
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
