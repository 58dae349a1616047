import { describe, expect, it, vi } from 'vitest'
import { createClient, ValidationError } from '../../src/index.js'
import { watchVisibility } from '../../src/sync/visibility.js'
import { clientJSON, envelope, NOW, phoneJSON, userJSON } from '../resources/fixtures.js'
import { fakeFetch, jsonResponse } from '../support/fake-fetch.js'
import { fakeBus, type FakeBus } from './fake-channel.js'

const FAPI = 'http://localhost:4010'

/** A tab: a client on the shared bus whose GET /v1/client answers with `current()`. */
async function tab(bus: FakeBus, current: () => unknown) {
  const fake = fakeFetch(() => jsonResponse(200, envelope(current())))
  const client = createClient({ frontendApi: FAPI, fetch: fake.fetch, authMode: 'header', crossTab: bus.open })
  await vi.dynamicImportSettled()
  const events: string[] = []
  for (const name of ['client:updated', 'phoneNumber:created', 'session:removed'] as const) client.on(name, () => events.push(name))
  return { client, fake, events }
}

const withPhones = (phones = [phoneJSON()], updatedAt = NOW + 1) => clientJSON(userJSON(phones, { updated_at: updatedAt }), { updated_at: updatedAt })

describe('cross-tab sync', () => {
  it('opens one channel per Frontend API when createClient is called, and close() closes it', async () => {
    const bus = fakeBus()
    const { client } = await tab(bus, () => clientJSON())
    expect(bus.channels.map((channel) => channel.name)).toEqual([`dialkit:${FAPI}`])
    client.close()
    await vi.dynamicImportSettled()
    await Promise.resolve()
    expect(bus.channels[0]?.closed).toBe(true)
  })

  it('feeds what one tab accepted to the other, which emits client:updated only and posts nothing back', async () => {
    const bus = fakeBus()
    let server = clientJSON(userJSON([], { updated_at: NOW }))
    const a = await tab(bus, () => server)
    const b = await tab(bus, () => server)
    await b.client.load()
    await bus.flush()
    b.events.length = 0
    server = withPhones()
    await a.client.load()
    await bus.flush()
    expect(b.client.store.get().user?.phoneNumbers.map(String)).toEqual(['+12015550123'])
    expect(b.events).toEqual(['client:updated'])
    // b posted its own load only; what it received from a is not echoed.
    expect(bus.channels[1]?.posted).toHaveLength(1)
    expect(b.fake.sent).toHaveLength(1)
  })

  it('never rolls a tab back: a message older than what it holds is dropped', async () => {
    const bus = fakeBus()
    const b = await tab(bus, () => withPhones([phoneJSON()], NOW + 5))
    await b.client.load()
    const [channel] = bus.channels
    const other = bus.open(`dialkit:${FAPI}`)
    bus.hold()
    other.postMessage({ dialkit: 'client', client: withPhones([], NOW + 1) })
    other.postMessage({ dialkit: 'client', client: clientJSON(null, { updated_at: NOW + 2 }) })
    bus.release((queued) => queued.filter((delivery) => delivery.to === channel))
    expect(b.client.store.get().user?.phoneNumbers).toHaveLength(1)
  })

  it('signs every tab out when one signs out, and applies messages out of order by updated_at', async () => {
    const bus = fakeBus()
    const b = await tab(bus, () => withPhones([], NOW + 1))
    await b.client.load()
    const other = bus.open(`dialkit:${FAPI}`)
    bus.hold()
    other.postMessage({ dialkit: 'client', client: clientJSON(null, { updated_at: NOW + 3 }) })
    other.postMessage({ dialkit: 'client', client: withPhones([phoneJSON()], NOW + 2) })
    bus.release()
    expect(b.client.store.get().status).toBe('signed-out')
  })

  it('ignores foreign and malformed messages', async () => {
    const bus = fakeBus()
    const b = await tab(bus, () => withPhones())
    await b.client.load()
    const before = b.client.store.get()
    const other = bus.open(`dialkit:${FAPI}`)
    for (const data of [null, 'hi', { dialkit: 'client' }, { dialkit: 'client', client: { id: 1 } }, { other: true }]) other.postMessage(data)
    await bus.flush()
    expect(b.client.store.get()).toBe(before)
  })

  it('keeps working in its own tab once the channel is closed under it', async () => {
    const bus = fakeBus()
    let server = clientJSON()
    const a = await tab(bus, () => server)
    bus.channels[0]!.close()
    server = withPhones()
    await expect(a.client.load()).resolves.toBeTruthy()
    expect(a.client.store.get().user?.phoneNumbers).toHaveLength(1)
  })

  it.each<[string, () => unknown]>([
    ['throws', () => {
      throw new Error('no channel here')
    }],
    ['returns a string', () => 'x'],
    ['returns an object without close()', () => ({ postMessage() {} })],
  ])('keeps the tab working alone when the crossTab factory %s, logging the error instead of an unhandled rejection', async (_label, open) => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const fake = fakeFetch(() => jsonResponse(200, envelope(clientJSON())))
    const client = createClient({ frontendApi: FAPI, fetch: fake.fetch, authMode: 'header', crossTab: open as never })
    await vi.dynamicImportSettled()
    expect(logged).toHaveBeenCalledOnce()
    await expect(client.load()).resolves.toBeDefined()
    client.close()
    await vi.dynamicImportSettled()
    logged.mockRestore()
  })

  it('close() before the sync chunk arrived still closes the channel', async () => {
    const bus = fakeBus()
    const client = createClient({ frontendApi: FAPI, fetch: fakeFetch([]).fetch, crossTab: bus.open })
    client.close()
    await vi.dynamicImportSettled()
    await Promise.resolve()
    expect(bus.channels.every((channel) => channel.closed)).toBe(true)
  })

  it('stays off with crossTab: false and by default in Node, and opens the real channel when forced', async () => {
    const opened: string[] = []
    class SpyChannel extends BroadcastChannel {
      constructor(name: string) {
        super(name)
        opened.push(name)
      }
    }
    vi.stubGlobal('BroadcastChannel', SpyChannel)
    try {
      createClient({ frontendApi: FAPI, crossTab: false })
      createClient({ frontendApi: FAPI })
      await vi.dynamicImportSettled()
      expect(opened).toEqual([])
      const forced = createClient({ frontendApi: FAPI, crossTab: true })
      await vi.dynamicImportSettled()
      expect(opened).toEqual([`dialkit:${FAPI}`])
      forced.close()
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it.each([0, 'yes', {}])('refuses crossTab %j with a ValidationError before anything', (crossTab) => {
    expect(() => createClient({ frontendApi: FAPI, crossTab: crossTab as never })).toThrow(ValidationError)
  })
})

describe('watchVisibility', () => {
  function fakeDocument(state: string) {
    const target = new EventTarget()
    return Object.assign(target, { visibilityState: state }) as EventTarget & { visibilityState: string }
  }

  it('calls back once per return from hidden, not on every change', () => {
    const doc = fakeDocument('visible')
    const onReturn = vi.fn()
    const stop = watchVisibility(doc, onReturn)
    const change = (state: string) => {
      doc.visibilityState = state
      doc.dispatchEvent(new Event('visibilitychange'))
    }
    change('visible')
    expect(onReturn).not.toHaveBeenCalled()
    change('hidden')
    change('visible')
    change('visible')
    expect(onReturn).toHaveBeenCalledTimes(1)
    stop()
    change('hidden')
    change('visible')
    expect(onReturn).toHaveBeenCalledTimes(1)
  })

  it('reloads the client when the tab comes back', async () => {
    const doc = fakeDocument('hidden')
    vi.stubGlobal('document', doc)
    try {
      const bus = fakeBus()
      const a = await tab(bus, () => withPhones())
      doc.visibilityState = 'visible'
      doc.dispatchEvent(new Event('visibilitychange'))
      await vi.waitFor(() => expect(a.client.store.get().user?.phoneNumbers).toHaveLength(1))
      expect(a.fake.sent.map((request) => request.path)).toEqual(['/v1/client'])
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
