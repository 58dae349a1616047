import { createClient, preloadPhone, type PhoneNumber } from 'dialkit'
import { mountAddPhoneForm } from './add-phone-form.js'
import { announce } from './announce.js'
import { createAuthScreen } from './auth-screen.js'
import { mountDevPanel } from './dev-panel.js'
import { createPhoneAuth } from './phone-auth.js'
import { required } from './dom.js'
import { describeError } from './messages.js'
import { createPhoneActions } from './phone-actions.js'
import { focusPhone, renderPhoneList } from './phone-list.js'
import { serverNow, syncServerClock } from './server-clock.js'
import { createServerView } from './server-view.js'
import { signInAsDemoUser } from './session.js'
import { createVerifyPanel } from './verify-panel.js'
import { mountNewBackupCodes } from './new-backup-codes.js'

// Same origin as the page: the demo server proxies /v1 to the emulator, so the `__client` cookie just works.
const client = createClient({ frontendApi: location.origin, authMode: 'cookie' })

const list = required(document, '[data-testid="phone-list"]')
const who = required(document, '[data-testid="who"]')
const refreshButton = required<HTMLButtonElement>(document, '[data-testid="refresh"]')
const signOutButton = required<HTMLButtonElement>(document, '[data-testid="sign-out"]')
const account = required(document, '[data-testid="account"]')
const devAside = required(document, '[data-testid="dev-panel"]')
const signedOutRoot = required(document, '[data-testid="signed-out"]')
const busy = new Set<string>()
const serverView = createServerView(required(document, '[data-testid="server-view"]'), client)

const verify = createVerifyPanel(required(document, '#verify'), {
  onSent: () => void dev.refresh(),
  onVerified: (phone) => focusPhone(list, String(phone)),
  onEnded: () => void reload(),
  onCancelled: (e164) => focusPhone(list, e164),
})
const dev = mountDevPanel(required(document, '[data-testid="dev-panel"]'), {
  numbers: () => new Set([...(client.store.get().user?.phoneNumbers.map(String) ?? []), phoneAuth.currentNumber() ?? '']),
  useCode(to, code) {
    if (verify.currentNumber() !== to) return phoneAuth.fill(to, code)
    verify.fill(code)
    return true
  },
  onClockMoved: () => void reload(),
})
const actions = createPhoneActions({ client, busy, verify, rerender: render })
const phoneAuth = createPhoneAuth(client, { onSent: () => void dev.refresh() })
const auth = createAuthScreen(signedOutRoot, {
  phoneAuth,
  continueAsDemoUser: async () => {
    try {
      await signInAsDemoUser(client)
    } catch (error) {
      throw new Error(describeError(error).message, { cause: error })
    }
  },
})
let formMounted: Promise<void> | undefined
const newBackupCodes = mountNewBackupCodes(required<HTMLButtonElement>(document, '[data-testid="new-backup-codes"]'), client)

function render() {
  const { user, status } = client.store.get()
  serverView.follow(user)
  // Signed out here or in another tab (the next load finds no session): back to the sign-in screen.
  if (!user) {
    if (status === 'signed-out' && document.body.dataset['screen'] !== 'signed-out') showSignedOut()
    return
  }
  if (document.body.dataset['screen'] !== 'account') void showAccount()
  verify.follow(user.phoneNumbers)
  const { first_name: first, last_name: last } = user.toJSON()
  who.textContent = [first, last].filter((part) => typeof part === 'string' && part).join(' ') || user.id
  renderPhoneList(list, { phones: user.phoneNumbers, primaryId: user.primaryPhoneNumberId, busy }, actions.run)
  renderAgainAtNextExpiry(user.phoneNumbers)
  newBackupCodes.render(user)
}

let expiryTimer: ReturnType<typeof setTimeout> | undefined

// A row's "Code sent" lasts as long as its code, which may run out with nothing else changing in the store.
function renderAgainAtNextExpiry(phones: readonly PhoneNumber[]) {
  clearTimeout(expiryTimer)
  const now = serverNow()
  const pending = phones.flatMap((phone) => {
    const at = phone.verification?.status === 'unverified' ? (phone.verification.expireAt?.getTime() ?? 0) : 0
    return at > now ? [at] : []
  })
  if (pending.length) expiryTimer = setTimeout(render, Math.min(...pending) - now + 1)
}

function showSignedOut() {
  document.body.dataset['screen'] = 'signed-out'
  verify.close()
  account.hidden = true
  refreshButton.hidden = true
  signOutButton.hidden = true
  who.textContent = 'Signed out'
  // The outbox panel comes along: a sign-in or sign-up code is read there too.
  signedOutRoot.append(devAside)
  auth.show()
}

async function showAccount() {
  document.body.dataset['screen'] = 'loading'
  auth.hide()
  account.append(devAside)
  account.hidden = false
  refreshButton.hidden = false
  refreshButton.disabled = false
  signOutButton.hidden = false
  formMounted ??= mountAddPhoneForm(required<HTMLFormElement>(document, '[data-testid="add-form"]'), {
    create: (phoneNumber, country) => actions.create(phoneNumber, country),
    onAdded: (phone: PhoneNumber) => verify.open(phone),
  })
  await formMounted
  if (!client.store.get().user) return
  document.body.dataset['screen'] = 'account'
  void dev.refresh()
}

async function start() {
  performance.mark('dialkit:start')
  try {
    // The phone metadata chunk loads with the client, so the first render is already formatted.
    await Promise.all([client.load(), preloadPhone(), syncServerClock()])
  } catch (error) {
    who.textContent = 'Not signed in'
    list.replaceChildren()
    announce(describeError(error).message, 'error')
    return
  }
  client.store.listen(render)
  render()
  if (client.store.get().user) await formMounted
  document.body.dataset['ready'] = 'true'
  performance.mark('dialkit:interactive')
  performance.measure('dialkit:time-to-interactive', { end: 'dialkit:interactive' })
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

signOutButton.addEventListener('click', async () => {
  signOutButton.disabled = true
  try {
    await client.signOut()
    // The store may already say signed-out; a second render of the screen is harmless.
    showSignedOut()
    announce('Signed out.')
  } catch (error) {
    announce(describeError(error).message, 'error')
  } finally {
    signOutButton.disabled = false
  }
})

void start()
