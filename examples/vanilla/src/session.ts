import type { DialkitClient } from 'dialkit'

/**
 * Loads the client from the `__client` cookie; if nobody is signed in, asks the demo server for a
 * sign-in token (minted with the backend client) and signs in with it, as an app's own backend would.
 */
export async function ensureSignedIn(client: DialkitClient): Promise<void> {
  await client.load()
  if (client.store.get().user) return
  const response = await fetch('/demo/ticket', { cache: 'no-store' })
  if (!response.ok) throw new Error(`The demo server could not mint a sign-in token (${response.status}).`)
  const { ticket } = (await response.json()) as { ticket: string }
  await client.signIn({ ticket })
}
