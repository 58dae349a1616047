// @vitest-environment happy-dom
import { act } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { createClient, isDialkitError, type DialkitClient, type SessionState } from '../../src/index.js'
import { useClient, usePhoneNumbers, useSessionState, useUser } from '../../src/react/index.js'
import { fakeFetch, jsonResponse } from '../support/fake-fetch.js'
import { clientJSON, envelope, phoneJSON, userJSON } from '../resources/fixtures.js'
import { render, withClient } from './render.js'

function clientAnswering(...bodies: unknown[]): DialkitClient {
  const queue = bodies.map((body) => jsonResponse(200, envelope(body as never)))
  return createClient({ frontendApi: 'http://localhost:4010', authMode: 'header', fetch: fakeFetch(queue).fetch })
}

function SessionProbe({ seen }: { seen: SessionState[] }) {
  const state = useSessionState()
  seen.push(state)
  return <p>{state.status}</p>
}

describe('useClient', () => {
  it('returns the provider’s client', async () => {
    const client = clientAnswering()
    let found: DialkitClient | undefined
    function Probe() {
      found = useClient()
      return null
    }
    const view = await render(withClient(client, <Probe />))
    expect(found).toBe(client)
    await view.unmount()
  })

  it('throws a DialkitError that names the provider when there is none', async () => {
    const thrown: unknown[] = []
    function Probe() {
      try {
        useClient()
      } catch (error) {
        thrown.push(error)
      }
      return null
    }
    const view = await render(<Probe />)
    expect(isDialkitError(thrown[0])).toBe(true)
    expect((thrown[0] as Error).message).toMatch(/DialkitProvider/)
    await view.unmount()
  })
})

describe('useSessionState', () => {
  it('renders unloaded, then the loaded state, then signed-out, and re-renders only on a change', async () => {
    const client = clientAnswering(clientJSON(userJSON([phoneJSON()])), clientJSON(userJSON([phoneJSON()])), clientJSON(null))
    const seen: SessionState[] = []
    const view = await render(withClient(client, <SessionProbe seen={seen} />))
    expect(view.container.textContent).toBe('unloaded')

    await act(() => client.load())
    expect(view.container.textContent).toBe('signed-in')
    expect(seen.at(-1)).toBe(client.store.get())
    const renders = seen.length

    // The same client again: the store announces nothing, so nothing re-renders.
    await act(() => client.load())
    expect(seen).toHaveLength(renders)

    await act(() => client.load())
    expect(view.container.textContent).toBe('signed-out')
    await view.unmount()
  })

  it('stops listening to the store on unmount', async () => {
    const client = clientAnswering(clientJSON())
    const listen = client.store.listen
    const unsubscribes: Array<() => void> = []
    vi.spyOn(client.store, 'listen').mockImplementation((listener) => {
      const off = vi.fn(listen(listener))
      unsubscribes.push(off)
      return off
    })
    const view = await render(withClient(client, <SessionProbe seen={[]} />))
    expect(unsubscribes).toHaveLength(1)
    await view.unmount()
    expect(unsubscribes[0]).toHaveBeenCalledTimes(1)
  })
})

describe('useUser and usePhoneNumbers', () => {
  it('give null and no numbers while signed out, then the user and their numbers', async () => {
    const client = clientAnswering(clientJSON(userJSON([phoneJSON(), phoneJSON({ id: 'idn_2', phone_number: '+442071838750' })])))
    function Probe() {
      const user = useUser()
      const phones = usePhoneNumbers()
      return <p>{`${user?.id ?? 'none'}:${phones.map(String).join(',')}`}</p>
    }
    const view = await render(withClient(client, <Probe />))
    expect(view.container.textContent).toBe('none:')
    await act(() => client.load())
    expect(view.container.textContent).toBe('user_1:+12015550123,+442071838750')
    await view.unmount()
  })

  it('hands out the same empty array on every render while signed out', async () => {
    const client = clientAnswering()
    const seen: unknown[] = []
    function Probe({ tick }: { tick: number }) {
      seen.push(usePhoneNumbers())
      return <p>{tick}</p>
    }
    const view = await render(withClient(client, <Probe tick={1} />))
    await view.rerender(withClient(client, <Probe tick={2} />))
    expect(seen.length).toBeGreaterThanOrEqual(2)
    expect(new Set(seen).size).toBe(1)
    expect(Object.isFrozen(seen[0])).toBe(true)
    await view.unmount()
  })
})
