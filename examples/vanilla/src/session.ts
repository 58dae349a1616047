import type { DialkitClient } from 'dialkit'

/**
 * Signs in as a fresh demo user: the demo server mints a sign-in token (with the backend client) and the page
 * signs in with it, as an app's own backend would hand one out.
 */
export async function signInAsDemoUser(client: DialkitClient): Promise<void> {
  const response = await fetch('/demo/ticket', { cache: 'no-store' })
  if (!response.ok) throw new Error(`The demo server could not mint a sign-in token (${response.status}).`)
  const { ticket } = (await response.json()) as { ticket: string }
  await client.signIn({ ticket })
}
