import type { DialkitClient, User } from 'dialkit'

/** What the demo's backend (`examples/server`, `GET /api/me`) says about the caller. */
interface Me {
  userId: string
  phoneNumbers: unknown[]
}

/**
 * "Your server sees you as …": the page proves its session to the app's own backend with a session token
 * (`client.session.getToken()`, cached by the SDK) and shows who the backend, having verified it, says you
 * are. Asked again whenever the user or their number of phone numbers changes; an older answer arriving
 * after a newer question is dropped.
 */
export function createServerView(element: HTMLElement, client: DialkitClient) {
  let shownFor: string | undefined
  let asked = 0
  async function ask() {
    const ticket = ++asked
    let failed = false
    let text: string
    try {
      const token = await client.session?.getToken()
      if (!token) return
      const response = await fetch('/api/me', { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' })
      if (!response.ok) throw new Error(`it answered ${response.status}`)
      const me = (await response.json()) as Me
      const count = me.phoneNumbers.length
      text = `Your server sees you as ${me.userId}, with ${count} phone number${count === 1 ? '' : 's'}.`
    } catch (error) {
      text = `Your server could not check your session: ${error instanceof Error ? error.message : String(error)}.`
      failed = true
    }
    // A newer question (another user, another count, signed out) was asked meanwhile: its answer wins.
    if (ticket !== asked) return
    element.textContent = text
    element.hidden = false
    if (failed) shownFor = undefined // ask again on the next render
  }
  return {
    /** Follows the signed-in user; `null` hides the line. */
    follow(user: User | null) {
      const key = user ? `${user.id}:${user.phoneNumbers.length}` : undefined
      if (key === shownFor) return
      shownFor = key
      if (!key) {
        asked++
        element.hidden = true
        element.textContent = ''
        return
      }
      void ask()
    },
  }
}
