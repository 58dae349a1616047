// The README's "Browser SDK" snippet, run as written in Node against a real emulator: pasting it outside a
// page must work, which it only does because createClient defaults to header auth where there is no document.
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import * as dialkit from '../../src/index.js'
import { compile, readmeSnippet } from '../support/readme.js'
import { backendFor, startTestEmulator, type Emulator } from './harness.js'

describe('README, Browser SDK snippet', () => {
  let emu: Emulator
  beforeAll(async () => {
    emu = await startTestEmulator()
  })
  afterAll(() => emu.stop())

  it('runs as written in Node, with no authMode given', async () => {
    expect(typeof document).toBe('undefined')
    const snippet = (await readmeSnippet('Browser SDK')).replaceAll("'http://localhost:4010'", JSON.stringify(emu.url))
    const backend = backendFor(emu)
    const user = await backend.users.createUser({})
    const { token: ticket } = await backend.signInTokens.createSignInToken({ userId: user.id })
    const render = vi.fn()
    const { createClient, isApiResponseError, preloadPhone } = dialkit
    await compile(snippet, ['createClient', 'isApiResponseError', 'preloadPhone', 'ticket', 'render'])(createClient, isApiResponseError, preloadPhone, ticket, render)
    expect(render).toHaveBeenLastCalledWith(expect.objectContaining({ id: user.id }))
    // The snippet ends by destroying the number it added, verified and reserved for 2FA on the way.
    expect((await backend.users.getUser(user.id)).phoneNumbers).toEqual([])
  })
})

describe('README, cross-tab snippet', () => {
  let emu: Emulator
  beforeAll(async () => {
    emu = await startTestEmulator()
  })
  afterAll(() => emu.stop())

  it('runs as written: opens the channel named for the Frontend API, loads, and close() closes the channel', async () => {
    const snippet = (await readmeSnippet('Every tab in step')).replaceAll("'http://localhost:4010'", JSON.stringify(emu.url))
    // The real BroadcastChannel, recording what the snippet opens and closes.
    const opened: Array<{ name: string; closed: boolean }> = []
    class RecordingChannel extends BroadcastChannel {
      readonly record = { name: '', closed: false }
      constructor(name: string) {
        super(name)
        this.record.name = name
        opened.push(this.record)
      }
      override close() {
        this.record.closed = true
        super.close()
      }
    }
    const render = vi.fn()
    let client: dialkit.DialkitClient | undefined
    const createClient: typeof dialkit.createClient = (options) => (client = dialkit.createClient(options))
    await compile(snippet, ['createClient', 'render', 'BroadcastChannel'])(createClient, render, RecordingChannel)
    await vi.dynamicImportSettled()
    expect(client!.store.get().status).toBe('signed-out')
    expect(opened).toEqual([{ name: `dialkit:${client!.frontendApi}`, closed: true }])
  })
})

describe('README, header auth across reloads', () => {
  let emu: Emulator
  beforeAll(async () => {
    emu = await startTestEmulator()
  })
  afterAll(() => {
    vi.unstubAllGlobals()
    return emu.stop()
  })

  it('stays signed in across a reload with localStorage, and signOut() clears the stored token', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8')
    const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('**Header auth across reloads.**')))
    const snippet = block![1]!.replace(/^ {2}/gm, '').replaceAll("'http://localhost:4010'", JSON.stringify(emu.url))
    const items = new Map<string, string>()
    vi.stubGlobal('localStorage', { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), removeItem: (key: string) => void items.delete(key) })
    const backend = backendFor(emu)
    const user = await backend.users.createUser({})
    const { token: ticket } = await backend.signInTokens.createSignInToken({ userId: user.id })
    // The snippet signs in, then out; stop it at signOut() once to look at the stored token in between.
    const signedIn = snippet.replace(/^await client\.signOut\(\).*$/m, '')
    await compile(signedIn, ['createClient', 'ticket'])(dialkit.createClient, ticket)
    expect([...items.keys()]).toEqual([`dialkit:client:${emu.url}`])
    // A reload: the same snippet again, with a ticket that is never used because load() is already signed in.
    await compile(snippet, ['createClient', 'ticket'])(dialkit.createClient, 'unused_ticket')
    expect(items.size).toBe(0)
    const sessions = await backend.sessions.getSessionList({ userId: user.id })
    expect(sessions.data.map((session) => session.status)).toEqual(['removed'])
  })
})

describe('README, phone sign-in and sign-up snippet', () => {
  let emu: Emulator
  beforeAll(async () => {
    emu = await startTestEmulator()
  })
  afterAll(() => emu.stop())

  it('runs as written: signs up, refuses an unknown number with a typed error, signs back in', async () => {
    const snippet = (await readmeSnippet('Sign in and sign up with a phone')).replaceAll("'http://localhost:4010'", JSON.stringify(emu.url))
    let client: dialkit.DialkitClient | undefined
    const createClient: typeof dialkit.createClient = (options) => (client = dialkit.createClient(options))
    const offerSignUp = vi.fn()
    const render = vi.fn()
    const { isApiResponseError, SignIn, SignUp } = dialkit
    await compile(snippet, ['createClient', 'isApiResponseError', 'SignIn', 'SignUp', 'offerSignUp', 'render'])(
      createClient, isApiResponseError, SignIn, SignUp, offerSignUp, render)
    expect(offerSignUp).toHaveBeenCalledOnce()
    expect(render).toHaveBeenCalledWith(expect.objectContaining({ status: 'signed-in' }))
    const { data: [user] } = await backendFor(emu).users.getUserList({ phoneNumber: ['+12015550142'] })
    expect(client!.store.get().user?.id).toBe(user!.id)
  })
})
