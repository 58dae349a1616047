import { announce } from './announce.js'
import { h } from './dom.js'
import { displayNumber } from './phone-format.js'
import { syncServerClock } from './server-clock.js'

interface OutboxMessage {
  id: string
  to: string
  body: string
  code: string | null
  created_at: number
}

export interface DevPanel {
  /** Re-reads the outbox now (on start, after a send) instead of waiting for the next poll. */
  refresh(): Promise<void>
}

export interface DevPanelOptions {
  /** The signed-in user's numbers (E.164): the outbox is instance-wide, the panel shows only these. */
  numbers(): ReadonlySet<string>
  useCode(to: string, code: string): boolean
  /** The emulator's clock moved: pending codes may have expired on the server. */
  onClockMoved(): void
}

/**
 * The emulator's SMS outbox, like Firebase's emulator UI: read the code a real phone would get.
 * Talks to `/__dev` on the page's origin, which the demo server proxies to the emulator. The outbox is the
 * whole emulator's, and other browser profiles are other demo users, so texts to their numbers are left out.
 */
export function mountDevPanel(aside: HTMLElement, options: DevPanelOptions): DevPanel {
  const list = h('ol', { class: 'outbox', 'data-testid': 'outbox', 'aria-live': 'polite' })
  const clear = h('button', { type: 'button', class: 'btn btn--ghost btn--small' }, 'Clear')
  const advance = h('button', { type: 'button', class: 'btn btn--ghost btn--small', 'data-testid': 'advance-clock' }, 'Clock +10 min')
  aside.replaceChildren(
    h('h2', { id: 'dev-title', class: 'card__title' }, h('span', { class: 'badge badge--dev' }, 'Emulator'), ' SMS outbox'),
    h('p', { class: 'card__hint' },
      'Texts the emulator would have sent to your numbers. Test numbers (+1 XXX 555-01YY) use 424242 and send nothing. ',
      'The clock is shared by every demo user.'),
    list,
    h('div', { class: 'dev-actions' }, clear, advance),
  )
  let shownIds: string | undefined
  let latest: OutboxMessage[] = []
  // "Clear" only hides messages in this tab: emptying the shared outbox would wipe other tabs' codes.
  const cleared = new Set<string>()

  async function refresh() {
    const response = await fetch('/__dev/sms', { cache: 'no-store' }).catch(() => null)
    if (!response?.ok) return
    latest = ((await response.json()) as { data: OutboxMessage[] }).data
    show()
  }

  function show() {
    const mine = options.numbers()
    const shown = latest.filter((m) => mine.has(m.to) && !cleared.has(m.id)).slice(0, 20)
    const ids = shown.map((m) => m.id).join()
    if (ids === shownIds) return
    shownIds = ids
    list.replaceChildren(...(shown.length ? shown.map(renderMessage) : [h('li', { class: 'outbox__empty' }, 'No texts to your numbers yet.')]))
  }

  function renderMessage(message: OutboxMessage) {
    const use = h('button', { type: 'button', class: 'btn btn--link btn--small' }, 'Use code')
    use.addEventListener('click', () => {
      if (!message.code || !options.useCode(message.to, message.code)) announce('Open the verification for this number first.')
    })
    return h('li', { class: 'sms', 'data-testid': 'sms', 'data-to': message.to },
      h('div', { class: 'sms__head' },
        h('span', { class: 'sms__to' }, displayNumber(message.to)),
        h('time', { datetime: new Date(message.created_at).toISOString() }, new Date(message.created_at).toLocaleTimeString())),
      message.code ? h('div', { class: 'sms__code-row' }, h('code', { class: 'sms__code', 'data-testid': 'sms-code' }, message.code), use) : null,
      h('pre', { class: 'sms__body' }, message.body))
  }

  clear.addEventListener('click', () => {
    for (const message of latest) cleared.add(message.id)
    show()
  })
  advance.addEventListener('click', async () => {
    const response = await fetch('/__dev/clock', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advance_ms: 600_000 }),
    })
    if (response.ok) {
      await syncServerClock() // the verify step's countdown follows the emulator's clock
      options.onClockMoved()
    }
    announce(response.ok ? 'Emulator clock moved 10 minutes ahead: pending codes have expired.' : 'Could not move the clock.')
  })

  // Poll only while the tab is visible; a send also triggers an immediate refresh.
  setInterval(() => {
    if (document.visibilityState === 'visible') void refresh()
  }, 2000)
  return { refresh }
}
