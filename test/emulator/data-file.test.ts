// The data file is one emulator's: a second one on it, a read-only file, a folder or a file of another shape is
// refused at start, before anything listens, instead of losing writes later.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { chmod, mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterEach, describe, expect, it } from 'vitest'
import { DialkitError, startEmulator, type Emulator } from '../../src/emulator/index.js'

const running: Emulator[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((emu) => emu.stop()))
})

async function tempFile(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'dialkit-data-')), 'state.json')
}

async function start(dataFile: string, port = 0): Promise<Emulator> {
  const emu = await startEmulator({ dataFile, port, secretKey: 'sk_test_data_file' })
  running.push(emu)
  return emu
}

async function createUser(emu: Emulator, externalId: string): Promise<void> {
  const headers = { authorization: `Bearer ${emu.secretKey}`, 'content-type': 'application/json' }
  const res = await fetch(`${emu.url}/v1/users`, { method: 'POST', headers, body: JSON.stringify({ external_id: externalId }) })
  expect(res.status).toBe(200)
}

const savedUsers = async (file: string) => (JSON.parse(await readFile(file, 'utf8')) as { users: { externalId: string }[] }).users.map((user) => user.externalId)

/** A real process that holds `<file>.lock` as a running emulator does; `kill` ends it as kill -9 would. */
async function lockHolder(file: string) {
  const script = `require('node:fs').writeFileSync(process.argv[1] + '.lock', process.pid + '\\n'); console.log(process.pid); setInterval(() => {}, 1 << 30)`
  const child = spawn(process.execPath, ['-e', script, file], { stdio: ['ignore', 'pipe', 'inherit'] })
  const [pid] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string]
  return { pid: Number(pid), kill: async () => (child.kill('SIGKILL'), await once(child, 'exit')) }
}

describe('one emulator per data file', () => {
  it('refuses a second emulator on the file while the first runs, and keeps the first one\'s writes', async () => {
    const file = await tempFile()
    const first = await start(file)
    await createUser(first, 'first')
    const error = await startEmulator({ dataFile: file }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(DialkitError)
    expect((error as Error).message).toBe(`dialkit-emulator: data file ${file} is in use by another emulator (pid ${process.pid}): stop that one, or pass another --data file (no emulator runs? delete ${file}.lock)`)
    await createUser(first, 'after')
    expect(await savedUsers(file)).toEqual(['first', 'after'])
  })

  it('refuses a file another running process holds, and takes it over once that process was killed', async () => {
    const file = await tempFile()
    const other = await lockHolder(file)
    await expect(startEmulator({ dataFile: file })).rejects.toThrow(`is in use by another emulator (pid ${other.pid})`)
    await other.kill()
    const emu = await start(file)
    await createUser(emu, 'after-kill')
    expect(await savedUsers(file)).toEqual(['after-kill'])
    expect(await readFile(`${file}.lock`, 'utf8')).toBe(`${process.pid}\n`)
  })

  it('takes over a lock naming this process that this process does not hold (a pid given again after a restart)', async () => {
    const file = await tempFile()
    await writeFile(`${file}.lock`, `${process.pid}\n`)
    await start(file)
  })

  it('keeps the lock owner-only while running and removes it on stop, so the next start gets the file', async () => {
    const file = await tempFile()
    const first = await start(file)
    expect((await stat(`${file}.lock`)).mode & 0o777).toBe(0o600)
    await first.stop()
    expect(await readdir(join(file, '..'))).toEqual([])
    await start(file)
  })

  it('lets go of the lock when the start fails after taking it (the port is taken)', async () => {
    const file = await tempFile()
    const other = await start(await tempFile())
    await expect(startEmulator({ dataFile: file, port: Number(new URL(other.url).port) })).rejects.toThrow(/EADDRINUSE/)
    await start(file)
  })
})

describe('a data file the emulator cannot keep', () => {
  it('refuses a read-only data file and leaves it as it was', async () => {
    const file = await tempFile()
    const content = JSON.stringify({ version: 1, secretKey: 'sk_test_fixture', users: [], phoneNumbers: [], clients: [], sessions: [], signInTokens: [], smsSentAt: [] })
    await writeFile(file, content)
    await chmod(file, 0o444)
    await expect(startEmulator({ dataFile: file })).rejects.toThrow(`dialkit-emulator: data file ${file} is read-only: make it writable (chmod u+w ${file}), or copy it and pass the copy`)
    expect(await readFile(file, 'utf8')).toBe(content)
    expect((await stat(file)).mode & 0o777).toBe(0o444)
    expect(await readdir(join(file, '..'))).toEqual(['state.json'])
  })

  it('makes a data file others could read owner-only at start, before any change is written', async () => {
    const file = await tempFile()
    await writeFile(file, JSON.stringify({ version: 1, secretKey: 'sk_test_shared', users: [], phoneNumbers: [], clients: [], sessions: [], signInTokens: [], smsSentAt: [] }))
    await chmod(file, 0o644)
    await start(file)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
  })

  it('refuses a folder given as the data file, naming a file path to pass instead', async () => {
    const folder = join(await mkdtemp(join(tmpdir(), 'dialkit-data-')), 'state')
    await mkdir(folder)
    await expect(startEmulator({ dataFile: folder })).rejects.toThrow(`dialkit-emulator: data file ${folder} is a folder: pass a file path such as ${join(folder, 'state.json')}`)
  })
})

describe('a data file from another shape', () => {
  const fresh = { version: 1, users: [], phoneNumbers: [], clients: [], sessions: [], signInTokens: [], smsSentAt: [] }

  it('refuses a secret key that dialkit/backend would refuse, naming the field, and leaves the file as it was', async () => {
    const file = await tempFile()
    const content = JSON.stringify({ ...fresh, secretKey: 'foo' })
    await writeFile(file, content)
    await expect(startEmulator({ dataFile: file })).rejects.toThrow(`data file ${file} is corrupt (unexpected data at secretKey: a key like sk_test_... (the form dialkit/backend accepts))`)
    expect(await readFile(file, 'utf8')).toBe(content)
  })

  it('says a file of another version was written by another dialkit version', async () => {
    const file = await tempFile()
    await writeFile(file, JSON.stringify({ ...fresh, version: 2, secretKey: 'sk_test_new' }))
    await expect(startEmulator({ dataFile: file })).rejects.toThrow('is corrupt (its version is 2, this emulator reads version 1: it was written by another dialkit version)')
  })
})
