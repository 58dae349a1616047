import { createBackendClient } from '../../../src/backend/index.js'

export interface DemoTicket {
  ticket: string
  userId: string
}

export interface DemoTickets {
  /** Creates a fresh demo user (with one verified test number as primary) and a sign-in token for it. */
  mint(): Promise<DemoTicket>
}

/** The demo's stand-in for an app server: it signs people in with tokens from the Backend API. */
export function createDemoTickets(options: { apiUrl: string; secretKey: string }): DemoTickets {
  const backend = createBackendClient(options)
  let seq = 0
  return {
    async mint() {
      seq += 1
      // A verified test number (code 424242, sends nothing) as primary, so the list is never empty.
      const user = await backend.users.createUser({
        firstName: 'Demo',
        lastName: `User ${seq}`,
        phoneNumber: [seedNumber(seq)],
      })
      const token = await backend.signInTokens.createSignInToken({ userId: user.id, expiresInSeconds: 600 })
      return { ticket: token.token, userId: user.id }
    },
  }
}

// Numbers are unique per instance, so every demo user gets its own test number: +1 AAA 555-01NN.
function seedNumber(seq: number): string {
  const area = 201 + Math.floor(seq / 100)
  return `+1${area}55501${String(seq % 100).padStart(2, '0')}`
}
