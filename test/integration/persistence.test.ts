// State written to dataFile survives a restart; a corrupt file stops the start and is left alone.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { backendFor, rejection, signedInClient, startTestEmulator, userOf, type Emulator } from './harness.js'

const secretKey = 'sk_test_persistence'
let dir: string
let running: Emulator | undefined

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dialkit-persist-'))
})
afterEach(async () => {
  await running?.stop()
  running = undefined
  await rm(dir, { recursive: true, force: true })
})

describe('persistence', () => {
  it('keeps users, numbers, verification and the session across a restart', async () => {
    const dataFile = join(dir, 'data.json')
    running = await startTestEmulator({ dataFile, secretKey })
    const { client, backendUser } = await signedInClient(running)
    const phone = await userOf(client).createPhoneNumber({ phoneNumber: '+14155552680' })
    const sent = await phone.prepareVerification()
    await sent.attemptVerification({ code: running.outbox.latest('+14155552680')!.code })
    const port = new URL(running.url).port
    await running.stop()
    running = undefined

    // Same port, so the SDK client (and its client token) keeps talking to "the same" server.
    running = await startTestEmulator({ dataFile, secretKey, port: Number(port) })
    const user = await backendFor(running).users.getUser(backendUser.id)
    expect(user.phoneNumbers.map((entry) => entry.phoneNumber)).toEqual(['+14155552680'])
    expect(user.phoneNumbers[0]!.verification?.status).toBe('verified')

    await client.load()
    expect(userOf(client).phoneNumbers.map((entry) => [String(entry), entry.verification?.status])).toEqual([['+14155552680', 'verified']])
  })

  it('accepts a code sent before the restart, and never writes the code itself to the file', async () => {
    const dataFile = join(dir, 'pending.json')
    running = await startTestEmulator({ dataFile, secretKey })
    const { client } = await signedInClient(running)
    const phone = await userOf(client).createPhoneNumber({ phoneNumber: '+14155552681' })
    const sent = await phone.prepareVerification()
    const code = running.outbox.latest('+14155552681')!.code
    const port = Number(new URL(running.url).port)
    await running.stop()
    running = undefined
    expect(await readFile(dataFile, 'utf8')).not.toMatch(new RegExp(`(?<![0-9A-Za-z])${code}(?![0-9A-Za-z])`))

    running = await startTestEmulator({ dataFile, secretKey, port })
    expect((await sent.attemptVerification({ code })).verification?.status).toBe('verified')
  })

  it('keeps every change made in parallel just before a stop', async () => {
    const dataFile = join(dir, 'parallel.json')
    running = await startTestEmulator({ dataFile, secretKey })
    const backend = backendFor(running)
    const user = await backend.users.createUser({ externalId: 'parallel' })
    const numbers = Array.from({ length: 20 }, (_, index) => `+1415555${String(2800 + index)}`)
    await Promise.all(numbers.map((phoneNumber) => backend.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber })))
    await running.stop()
    running = undefined

    running = await startTestEmulator({ dataFile, secretKey })
    const reloaded = await backendFor(running).users.getUser(user.id)
    expect(reloaded.phoneNumbers.map((phone) => phone.phoneNumber).sort()).toEqual(numbers)
  })

  it('refuses to start on a corrupt data file and leaves it untouched', async () => {
    const dataFile = join(dir, 'broken.json')
    await writeFile(dataFile, '{"users": [')
    const error = await rejection(() => startTestEmulator({ dataFile, secretKey }))
    expect(String((error as Error).message)).toMatch(/broken\.json|data file|corrupt|parse|JSON/i)
    expect(await readFile(dataFile, 'utf8')).toBe('{"users": [')
  })
})
