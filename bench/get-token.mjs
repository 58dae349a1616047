/* global fetch */
// `node bench/get-token.mjs` (after `npm run build`): what `session.getToken()` costs, cached and uncached,
// against the emulator in its own process on loopback, next to the same token request made by hand. Medians
// over several short tinybench rounds, so a burst of someone else's load on a shared machine hits one round.
//   BENCH_ROUNDS=5 BENCH_TIME_MS=1000 node bench/get-token.mjs [--json]
import { loadavg } from 'node:os'
import { Bench } from 'tinybench'
import { createClient } from '../dist/index.js'
import { createUserWithNumber, median, rawSignIn, startServer } from './harness.mjs'

const QUERY = '__clerk_api_version=2026-05-12&_clerk_js_version=0.1.0&_is_native=1'

async function signedInSession(server, phoneNumber) {
  const { ticket } = await createUserWithNumber(server, phoneNumber)
  const client = createClient({ frontendApi: server.url, authMode: 'header' })
  await client.signIn({ ticket })
  return client.session
}

/** The request getToken() sends, by hand: same URL and client token, the JSON parsed. */
async function rawTokenRequest(server, phoneNumber) {
  const { ticket } = await createUserWithNumber(server, phoneNumber)
  const token = await rawSignIn(server, ticket)
  const client = await fetch(`${server.url}/v1/client`, { headers: { authorization: token } }).then((response) => response.json())
  const url = `${server.url}/v1/client/sessions/${client.response.last_active_session_id}/tokens?${QUERY}`
  return async () => {
    const response = await fetch(url, { method: 'POST', headers: { authorization: token } })
    const { jwt } = await response.json()
    if (!jwt) throw new Error(`no token: ${response.status}`)
  }
}

const server = await startServer()
try {
  const session = await signedInSession(server, '+14155550011')
  const raw = await rawTokenRequest(server, '+14155550012')
  const tasks = [
    ['getToken() cached', () => session.getToken()],
    ['getToken({ skipCache: true })', () => session.getToken({ skipCache: true })],
    ['raw fetch of POST .../tokens', raw],
  ]
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5)
  const time = Number(process.env.BENCH_TIME_MS ?? 1000)
  const perRound = []
  for (let round = 0; round < rounds; round += 1) {
    const bench = new Bench({ time, warmupTime: Math.min(300, time) })
    for (const [name, fn] of round % 2 ? [...tasks].reverse() : tasks) bench.add(name, fn)
    await bench.run()
    perRound.push(new Map(bench.tasks.map((task) => [task.name, task.result.latency])))
  }
  const stat = (name, key) => Number(median(perRound.map((round) => round.get(name)[key])).toFixed(4))
  const rows = tasks.map(([name]) => ({ operation: name, medianMs: stat(name, 'p50'), meanMs: stat(name, 'mean'), p99Ms: stat(name, 'p99') }))
  const result = { node: process.version, loadAverage1m: Number(loadavg()[0].toFixed(2)), rounds, timeMs: time, rows }
  if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2))
  else {
    console.log(`node ${result.node}, load average ${result.loadAverage1m}, ${rounds} rounds of ${time} ms`)
    console.table(rows)
  }
} finally {
  await server.stop()
}
