/* global fetch, Response */
// The SDK's own cost per operation over a raw fetch of the same request, side by side in one tinybench run:
// once over loopback against the emulator child process, and once with both sides answered from memory
// (the same recorded responses), which isolates the SDK's CPU cost from the server and the socket.
import { Bench } from 'tinybench'
import { createClient } from '../dist/index.js'
import { createUserWithNumber, median, rawSignIn } from './harness.mjs'

const API_VERSION = '2026-05-12'
const SDK_VERSION = '0.1.0'
const FORM = 'application/x-www-form-urlencoded'
const WRONG_CODE = '000001'

/**
 * A fetch that passes through and records the last answer per method + path; with `replay` on it answers
 * from that record without touching the network.
 */
function recordingFetch() {
  const recorded = new Map()
  // ky hands fetch a Request; the raw side a URL string and an init.
  const key = (input, init) =>
    typeof input === 'string' ? `${init?.method ?? 'GET'} ${new URL(input).pathname}` : `${input.method} ${new URL(input.url).pathname}`
  const replayed = (entry) => new Response(entry.body, { status: entry.status, headers: entry.headers })
  const wrapped = async (input, init) => {
    const entry = recorded.get(key(input, init))
    if (wrapped.replay && entry) return replayed(entry)
    const response = await fetch(input, init)
    const body = await response.arrayBuffer()
    recorded.set(key(input, init), { body, status: response.status, headers: [...response.headers] })
    return new Response(body, { status: response.status, headers: response.headers })
  }
  wrapped.replay = false
  return wrapped
}

/** What the SDK sends, by hand: same URL, query, headers and body, and the JSON parsed. */
function rawSender(baseUrl, token, sessionId, fetchImpl) {
  return async (method, path, body) => {
    const url = new URL(`${baseUrl}/v1${path}`)
    url.searchParams.set('__clerk_api_version', API_VERSION)
    url.searchParams.set('_clerk_js_version', SDK_VERSION)
    url.searchParams.set('_clerk_session_id', sessionId)
    const response = await fetchImpl(url.href, {
      method: method === 'GET' ? 'GET' : 'POST',
      headers: { authorization: token, ...(body ? { 'content-type': FORM } : {}) },
      body,
    })
    return response.json()
  }
}

async function sdkSide(server, phoneNumber, fetchImpl) {
  const { ticket, phoneId } = await createUserWithNumber(server, phoneNumber)
  const client = createClient({ frontendApi: server.url, authMode: 'header', fetch: fetchImpl })
  await client.signIn({ ticket })
  return { phone: client.user.phoneNumbers.find((entry) => entry.id === phoneId) }
}

async function rawSide(server, phoneNumber, fetchImpl) {
  const { ticket, phoneId } = await createUserWithNumber(server, phoneNumber)
  const token = await rawSignIn(server, ticket)
  const me = await fetch(`${server.url}/v1/client`, { headers: { authorization: token } }).then((response) => response.json())
  const send = rawSender(server.url, token, me.response.last_active_session_id, fetchImpl)
  return { send, path: `/me/phone_numbers/${phoneId}` }
}

// The SDK rejects a wrong code with ApiResponseError; building that error is part of what is measured.
const expectRejection = (promise) =>
  promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    () => undefined,
  )

function pairs(sdk, raw) {
  return [
    ['reload sdk', () => sdk.phone.reload()],
    ['reload raw', () => raw.send('GET', raw.path)],
    ['prepare sdk', () => sdk.phone.prepareVerification()],
    ['prepare raw', () => raw.send('POST', `${raw.path}/prepare_verification`, 'strategy=phone_code')],
    ['attempt sdk', () => expectRejection(sdk.phone.attemptVerification({ code: WRONG_CODE }))],
    ['attempt raw', () => raw.send('POST', `${raw.path}/attempt_verification`, `code=${WRONG_CODE}`)],
  ]
}

async function measure(server, numbers, replay) {
  const sdkFetch = recordingFetch()
  const rawFetch = recordingFetch()
  const sdk = await sdkSide(server, numbers[0], sdkFetch)
  const raw = await rawSide(server, numbers[1], rawFetch)
  const tasks = pairs(sdk, raw)
  if (replay) {
    // One live round of every call fills the records; from then on nothing leaves the process.
    for (const [, fn] of tasks) await fn()
    sdkFetch.replay = true
    rawFetch.replay = true
  }
  // Several short rounds, each running every task, and medians over them: on a shared machine a burst of
  // someone else's load then hits one round of both sides rather than one side only.
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5)
  const time = Number(process.env.BENCH_TIME_MS ?? 1000)
  const perRound = []
  for (let round = 0; round < rounds; round += 1) {
    const bench = new Bench({ time, warmupTime: Math.min(300, time) })
    for (const [name, fn] of round % 2 ? [...tasks].reverse() : tasks) bench.add(name, fn)
    await bench.run()
    perRound.push(new Map(bench.tasks.map((task) => [task.name, task.result.latency])))
  }
  return pairUp(perRound, replay ? 'in memory' : 'loopback')
}

function pairUp(perRound, transport) {
  const stat = (name, key) => median(perRound.map((round) => round.get(name)[key]))
  return [
    ['reload', 'reload'],
    ['prepareVerification', 'prepare'],
    ['attemptVerification (wrong code)', 'attempt'],
  ].map(([operation, prefix]) => {
    const sdk = `${prefix} sdk`
    const raw = `${prefix} raw`
    return {
      transport,
      operation,
      sdkMedianMs: stat(sdk, 'p50'),
      rawMedianMs: stat(raw, 'p50'),
      overheadMedianMs: stat(sdk, 'p50') - stat(raw, 'p50'),
      sdkMeanMs: stat(sdk, 'mean'),
      rawMeanMs: stat(raw, 'mean'),
      sdkP99Ms: stat(sdk, 'p99'),
      rawP99Ms: stat(raw, 'p99'),
    }
  })
}

export async function measureSdkOverhead(server) {
  const loopback = await measure(server, ['+14155550003', '+14155550004'], false)
  const inMemory = await measure(server, ['+14155550005', '+14155550006'], true)
  return [...loopback, ...inMemory]
}
