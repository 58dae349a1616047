/* global fetch */
// Requests/s and p99 latency of prepare_verification and attempt_verification under autocannon.
import autocannon from 'autocannon'
import { createUserWithNumber, rawSignIn } from './harness.mjs'

const DURATION = Number(process.env.BENCH_DURATION ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
const FORM = 'application/x-www-form-urlencoded'

function run(title, options) {
  return new Promise((resolve, reject) => {
    autocannon({ duration: DURATION, connections: CONNECTIONS, ...options, title }, (error, result) => (error ? reject(error) : resolve(result)))
  })
}

function summary(name, result, expectedStatus) {
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    [`status${expectedStatus}`]: result.statusCodeStats[expectedStatus]?.count ?? 0,
    otherStatuses: result.non2xx - (expectedStatus >= 300 ? (result.statusCodeStats[expectedStatus]?.count ?? 0) : 0),
    errors: result.errors + result.timeouts,
  }
}

/** Each scenario gets its own user and number so they never share a verification. */
export async function measureLoad(server) {
  const prepareUser = await createUserWithNumber(server, '+14155550001')
  const prepareToken = await rawSignIn(server, prepareUser.ticket)
  const prepare = await run('prepare_verification', {
    url: `${server.url}/v1/me/phone_numbers/${prepareUser.phoneId}/prepare_verification`,
    method: 'POST',
    headers: { authorization: prepareToken, 'content-type': FORM },
    body: 'strategy=phone_code',
  })

  const attemptUser = await createUserWithNumber(server, '+14155550002')
  const attemptToken = await rawSignIn(server, attemptUser.ticket)
  const base = `${server.url}/v1/me/phone_numbers/${attemptUser.phoneId}`
  const headers = { authorization: attemptToken, 'content-type': FORM }
  const sent = await fetch(`${base}/prepare_verification`, { method: 'POST', headers, body: 'strategy=phone_code' })
  if (!sent.ok) throw new Error(`prepare before the attempt run answered ${sent.status}`)
  // A wrong code: the limit is lifted, so every request does the full hash-and-compare and answers 422.
  const attempt = await run('attempt_verification', {
    url: `${base}/attempt_verification`,
    method: 'POST',
    headers,
    body: 'code=000001',
  })
  return [summary('prepare_verification', prepare, 200), summary('attempt_verification (wrong code)', attempt, 422)]
}
