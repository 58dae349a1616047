/* global fetch */
// Stands in for an app server: creates a user on the emulator's Backend API and prints a page URL that
// signs them in with a one-time sign-in token. Usage:
//   node examples/react/mint-ticket.mjs <secret key printed by dialkit-emulator> [emulator URL] [page URL]
const [secretKey, apiUrl = 'http://localhost:4010', pageUrl = 'http://localhost:5174/'] = process.argv.slice(2)
if (!secretKey) {
  console.error('usage: node examples/react/mint-ticket.mjs sk_test_... [http://localhost:4010] [http://localhost:5174/]')
  process.exit(1)
}

async function post(path, body) {
  const response = await fetch(new URL(`/v1${path}`, apiUrl), {
    method: 'POST',
    headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const json = await response.json()
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`)
  return json
}

const user = await post('/users', { first_name: 'React' })
const token = await post('/sign_in_tokens', { user_id: user.id, expires_in_seconds: 600 })
console.log(`${pageUrl}?ticket=${encodeURIComponent(token.token)}`)
