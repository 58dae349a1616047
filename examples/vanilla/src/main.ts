import { createClient, preloadPhone, type PhoneNumber } from 'dialkit'
import { mountAddPhoneForm } from './add-phone-form.js'
import { announce } from './announce.js'
import { mountDevPanel } from './dev-panel.js'
import { required } from './dom.js'
import { describeError } from './messages.js'
import { createPhoneActions } from './phone-actions.js'
import { focusPhone, renderPhoneList } from './phone-list.js'
import { syncServerClock } from './server-clock.js'
import { ensureSignedIn } from './session.js'
import { createVerifyPanel } from './verify-panel.js'

// Same origin as the page: the demo server proxies /v1 to the emulator, so the `__client` cookie just works.
const client = createClient({ frontendApi: location.origin, authMode: 'cookie' })

const list = required(document, '[data-testid="phone-list"]')
const who = required(document, '[data-testid="who"]')
const refreshButton = required<HTMLButtonElement>(document, '[data-testid="refresh"]')
const busy = new Set<string>()

const verify = createVerifyPanel(required(document, '#verify'), {
  onSent: () => void dev.refresh(),
  onVerified: (phone) => focusPhone(list, String(phone)),
  onEnded: () => void reload(),
  onCancelled: (e164) => focusPhone(list, e164),
})
const dev = mountDevPanel(required(document, '[data-testid="dev-panel"]'), {
  numbers: () => new Set(client.store.get().user?.phoneNumbers.map(String)),
  useCode(to, code) {
    if (verify.currentNumber() !== to) return false
    verify.fill(code)
    return true
  },
  onClockMoved: () => void reload(),
})
const actions = createPhoneActions({ client, busy, verify, rerender: render })

function render() {
  const { user } = client.store.get()
  if (!user) return
  const { first_name: first, last_name: last } = user.toJSON()
  who.textContent = [first, last].filter((part) => typeof part === 'string' && part).join(' ') || user.id
  renderPhoneList(list, { phones: user.phoneNumbers, primaryId: user.primaryPhoneNumberId, busy }, actions.run)
}

async function start() {
  performance.mark('dialkit:start')
  try {
    // The phone metadata chunk loads while we sign in, so the first render is already formatted.
    await Promise.all([ensureSignedIn(client), preloadPhone(), syncServerClock()])
  } catch (error) {
    who.textContent = 'Not signed in'
    list.replaceChildren()
    announce(describeError(error).message, 'error')
    return
  }
  client.store.listen(render)
  render()
  refreshButton.disabled = false
  await mountAddPhoneForm(required<HTMLFormElement>(document, '[data-testid="add-form"]'), {
    create: (phoneNumber, country) => actions.create(phoneNumber, country),
    onAdded: (phone: PhoneNumber) => verify.open(phone),
  })
  document.body.dataset['ready'] = 'true'
  performance.mark('dialkit:interactive')
  performance.measure('dialkit:time-to-interactive', { end: 'dialkit:interactive' })
  void dev.refresh()
}

// Error answers carry no client, so a code that died (expired, too many tries) shows in the list after a reload.
function reload() {
  return client.load().catch((error: unknown) => announce(describeError(error).message, 'error'))
}

refreshButton.addEventListener('click', async () => {
  refreshButton.disabled = true
  try {
    await client.load()
    announce('Up to date.')
  } catch (error) {
    announce(describeError(error).message, 'error')
  } finally {
    refreshButton.disabled = false
  }
})

void start()
