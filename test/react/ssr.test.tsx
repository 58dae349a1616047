// Server rendering in Node (no DOM): the markup is the unloaded state, and no browser global is read.
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { createClient, type DialkitClient, type PhoneNumber } from '../../src/index.js'
import {
  DialkitProvider,
  usePhoneHelpersReady,
  usePhoneNumbers,
  useSessionState,
  useSignIn,
  useSignUp,
  useUser,
  useVerificationFlow,
} from '../../src/react/index.js'
import { fakeFetch, jsonResponse } from '../support/fake-fetch.js'
import { clientJSON, envelope, phoneJSON, userJSON } from '../resources/fixtures.js'
import { phoneSignInJSON, phoneSignUpJSON } from '../resources/sign-in-harness.js'

const WATCHED = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location'] as const

function Page() {
  const { status } = useSessionState()
  const user = useUser()
  const phones = usePhoneNumbers()
  const ready = usePhoneHelpersReady()
  return <p>{`${status}|${user?.id ?? 'no user'}|${phones.length}|${String(ready)}`}</p>
}

function Verify({ phone }: { phone: PhoneNumber }) {
  const { flow, state } = useVerificationFlow(phone)
  return <p>{flow ? state.status : 'no flow yet'}</p>
}

/** Renders on the "server" while every browser global throws if read. */
function renderWithoutBrowser(client: DialkitClient, node: React.ReactNode): { html: string; touched: string[] } {
  const touched: string[] = []
  const restore = WATCHED.map((name) => {
    const original = Object.getOwnPropertyDescriptor(globalThis, name)
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        touched.push(name)
        return undefined
      },
    })
    return () => (original ? Object.defineProperty(globalThis, name, original) : delete (globalThis as Record<string, unknown>)[name])
  })
  try {
    return { html: renderToString(<DialkitProvider client={client}>{node}</DialkitProvider>), touched }
  } finally {
    restore.forEach((undo) => undo())
  }
}

function signedInClient() {
  const response = jsonResponse(200, envelope(clientJSON(userJSON([phoneJSON()]))))
  return createClient({ frontendApi: 'http://localhost:4010', authMode: 'header', fetch: fakeFetch([response]).fetch })
}

describe('server rendering with react-dom/server', () => {
  it('renders the unloaded state, with no user, no numbers and no phone helpers, touching no browser global', () => {
    const { html, touched } = renderWithoutBrowser(signedInClient(), <Page />)
    expect(html).toBe('<p>unloaded|no user|0|false</p>')
    expect(touched).toEqual([])
  })

  it('renders the unloaded state even from a client that was loaded on the server, so hydration agrees', async () => {
    const client = signedInClient()
    await client.load()
    expect(client.store.get().status).toBe('signed-in')
    expect(renderWithoutBrowser(client, <Page />).html).toBe('<p>unloaded|no user|0|false</p>')
  })

  it('creates no verification flow (no timer, no request) on the server', async () => {
    const client = signedInClient()
    await client.load()
    const phone = client.user!.phoneNumbers[0]!
    expect(renderWithoutBrowser(client, <Verify phone={phone} />).html).toBe('<p>no flow yet</p>')
  })

  it('renders no sign-in or sign-up from a client that has both in progress', async () => {
    const inProgress = clientJSON(null, { sign_in: phoneSignInJSON(), sign_up: phoneSignUpJSON() })
    const client = createClient({ frontendApi: 'http://localhost:4010', authMode: 'header', fetch: fakeFetch([jsonResponse(200, envelope(inProgress))]).fetch })
    await client.load()
    function Pending() {
      return <p>{`${useSignIn()?.status ?? 'no sign-in'}|${useSignUp()?.status ?? 'no sign-up'}`}</p>
    }
    const { html, touched } = renderWithoutBrowser(client, <Pending />)
    expect(html).toBe('<p>no sign-in|no sign-up</p>')
    expect(touched).toEqual([])
  })
})
