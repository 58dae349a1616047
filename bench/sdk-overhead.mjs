/* global fetch */
// The SDK's own cost per operation over a raw fetch of the same request, side by side in one tinybench run,
// against the same emulator child process.
import { Bench } from 'tinybench'
import { createClient } from '../dist/index.js'
import { createUserWithNumber, rawSignIn } from './harness.mjs'

const API_VERSION = '2026-05-12'
const FORM = 'application/x-www-form-urlencoded'

/** What the SDK sends, by hand: same URL, query, headers and body, and the JSON parsed. */
function rawRequest(server, token, sessionId) {
  return async (method, path, body) => {
    const url = new URL(`${server.url}/v1${path}`)
    url.searchParams.set('__clerk_api_version', API_VERSION)
    url.searchParams.set('_clerk_js_version', '0.1.0')
    if (method !== 'GET') url.searchParams.set('_method', method)
    url.searchParams.set('_clerk_session_id', sessionId)
    const response = await fetch(url, {
      method: method === 'GET' ? 'GET' : 'POST',
      headers: { authorization: token, ...(body ? { 'content-type': FORM } : {}) },
      body,
    })
    return response.json()
  }
}

async function sdkUser(server, phoneNumber) {
  const { ticket, phoneId } = await createUserWithNumber(server, phoneNumber)
  const client = createClient({ frontendApi: server.url, authMode: 'header' })
  await client.signIn({ ticket })
  const phone = client.user.phoneNumbers.find((entry) => entry.id === phoneId)
  return { client, phone }
}

async function rawUser(server, phoneNumber) {
  const { ticket, phoneId } = await createUserWithNumber(server, phoneNumber)
  const token = await rawSignIn(server, ticket)
  const me = await fetch(`${server.url}/v1/client`, { headers: { authorization: token } }).then((response) => response.json())
  const sessionId = me.response.last_active_session_id
  return { send: rawRequest(server, token, sessionId), phoneId }
}

export async function measureSdkOverhead(server) {
  const sdk = await sdkUser(server, '+14155550003')
  const raw = await rawUser(server, '+14155550004')
  const path = `/me/phone_numbers/${raw.phoneId}`
  const bench = new Bench({ time: Number(process.env.BENCH_TIME_MS ?? 2000), warmupTime: 300 })
  // The SDK rejects a wrong code with ApiResponseError; that mapping is part of what is measured.
  const wrong = (promise) => promise.then(() => { throw new Error('expected a rejection') }, () => undefined)
  bench
    .add('reload  sdk', () => sdk.phone.reload())
    .add('reload  raw fetch', () => raw.send('GET', path))
    .add('prepare sdk', () => sdk.phone.prepareVerification())
    .add('prepare raw fetch', () => raw.send('POST', `${path}/prepare_verification`, 'strategy=phone_code'))
    .add('attempt sdk (wrong code)', () => wrong(sdk.phone.attemptVerification({ code: '000001' })))
    .add('attempt raw fetch (wrong code)', () => raw.send('POST', `${path}/attempt_verification`, 'code=000001'))
  await bench.run()
  return pairUp(bench.tasks)
}

function pairUp(tasks) {
  const mean = (name) => tasks.find((task) => task.name === name).result.latency.mean
  const p99 = (name) => tasks.find((task) => task.name === name).result.latency.p99
  return [
    ['reload', 'reload  sdk', 'reload  raw fetch'],
    ['prepareVerification', 'prepare sdk', 'prepare raw fetch'],
    ['attemptVerification (wrong code)', 'attempt sdk (wrong code)', 'attempt raw fetch (wrong code)'],
  ].map(([operation, sdkName, rawName]) => ({
    operation,
    sdkMeanMs: mean(sdkName),
    rawMeanMs: mean(rawName),
    overheadMs: mean(sdkName) - mean(rawName),
    sdkP99Ms: p99(sdkName),
    rawP99Ms: p99(rawName),
  }))
}
