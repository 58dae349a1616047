// @vitest-environment happy-dom
// The browser side of server rendering: hydrating the server's markup agrees with it, then shows the
// real state, even when the client was loaded before hydration started.
import { act } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { expect, it, vi } from 'vitest'
import { createClient } from '../../src/index.js'
import { DialkitProvider, useSessionState, useSignIn, useSignUp } from '../../src/react/index.js'
import { fakeFetch, jsonResponse } from '../support/fake-fetch.js'
import { clientJSON, envelope, userJSON } from '../resources/fixtures.js'
import { phoneSignInJSON, phoneSignUpJSON } from '../resources/sign-in-harness.js'
import './render.js'

function Status() {
  const { status, user } = useSessionState()
  return <p>{`${status} ${user?.id ?? ''}`.trim()}</p>
}

it('hydrates without a mismatch, then renders the loaded state', async () => {
  const fake = fakeFetch([jsonResponse(200, envelope(clientJSON(userJSON())))])
  const client = createClient({ frontendApi: 'http://localhost:4010', authMode: 'header', fetch: fake.fetch })
  const app = (
    <DialkitProvider client={client}>
      <Status />
    </DialkitProvider>
  )
  const container = document.createElement('div')
  container.innerHTML = renderToString(app)
  expect(container.textContent).toBe('unloaded')
  await client.load()

  const recoverable = vi.fn()
  let root: ReturnType<typeof hydrateRoot> | undefined
  await act(async () => {
    root = hydrateRoot(container, app, { onRecoverableError: recoverable })
  })
  expect(recoverable).not.toHaveBeenCalled()
  expect(container.textContent).toBe('signed-in user_1')
  await act(async () => root!.unmount())
})

it('hydrates a sign-in and a sign-up in progress without a mismatch, then shows them', async () => {
  const inProgress = clientJSON(null, { sign_in: phoneSignInJSON(), sign_up: phoneSignUpJSON() })
  const client = createClient({ frontendApi: 'http://localhost:4010', authMode: 'header', fetch: fakeFetch([jsonResponse(200, envelope(inProgress))]).fetch })
  function Pending() {
    return <p>{`${useSignIn()?.status ?? 'no sign-in'} ${useSignUp()?.status ?? 'no sign-up'}`}</p>
  }
  const app = (
    <DialkitProvider client={client}>
      <Pending />
    </DialkitProvider>
  )
  const container = document.createElement('div')
  container.innerHTML = renderToString(app)
  expect(container.textContent).toBe('no sign-in no sign-up')
  await client.load()

  const recoverable = vi.fn()
  let root: ReturnType<typeof hydrateRoot> | undefined
  await act(async () => {
    root = hydrateRoot(container, app, { onRecoverableError: recoverable })
  })
  expect(recoverable).not.toHaveBeenCalled()
  expect(container.textContent).toBe('needs_first_factor missing_requirements')
  await act(async () => root!.unmount())
})
