import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { startEmulator } from '../../src/emulator/index.js'
import { createPersister } from '../../src/emulator/persistence.js'
import type { Snapshot } from '../../src/emulator/state.js'

async function tempFile(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'dialkit-emu-')), 'state.json')
}

async function post(url: string, path: string, body: unknown, secret: string) {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
  return (await res.json()) as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('persistence', () => {
  it('keeps users, numbers, sign-in tokens and the secret key across a restart', async () => {
    const file = await tempFile()
    const first = await startEmulator({ dataFile: file })
    const user = await post(first.url, '/v1/users', { phone_number: ['+14155552671'] }, first.secretKey)
    const token = await post(first.url, '/v1/sign_in_tokens', { user_id: user.id }, first.secretKey)
    await first.stop()

    const second = await startEmulator({ dataFile: file })
    try {
      expect(second.secretKey).toBe(first.secretKey)
      const res = await fetch(`${second.url}/v1/users/${user.id}`, { headers: { authorization: `Bearer ${second.secretKey}` } })
      expect(((await res.json()) as { phone_numbers: { phone_number: string }[] }).phone_numbers[0]!.phone_number).toBe('+14155552671')
      const signIn = await fetch(`${second.url}/v1/client/sign_ins`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `strategy=ticket&ticket=${token.token}` })
      expect(signIn.status).toBe(200)
    } finally {
      await second.stop()
    }
    expect((await readdir(join(file, '..'))).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('keeps the session-token key pair once made, and loads a data file written before it existed', async () => {
    const file = await tempFile()
    const old = { version: 1, secretKey: 'sk_test_old', users: [], phoneNumbers: [], clients: [], sessions: [], signInTokens: [], smsSentAt: [] }
    await writeFile(file, JSON.stringify(old))
    const first = await startEmulator({ dataFile: file })
    const jwks = async (emu: { url: string }) => ((await (await fetch(`${emu.url}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] }).keys
    const [key] = await jwks(first)
    const pem = first.jwtKey
    await first.stop()
    const saved = JSON.parse(await readFile(file, 'utf8')) as Snapshot
    expect(saved.signingKey?.kid).toBe(key!.kid)
    expect(saved.signingKey?.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/)

    const second = await startEmulator({ dataFile: file })
    try {
      expect(second.jwtKey).toBe(pem)
      expect(await jwks(second)).toEqual([key])
    } finally {
      await second.stop()
    }
  })

  it('refuses to start on a data file whose signing key is not a usable private key', async () => {
    const file = await tempFile()
    const broken = { version: 1, secretKey: 'sk_test_x', signingKey: { kid: 'ins_1', privateKeyPem: 'not a key' }, users: [], phoneNumbers: [], clients: [], sessions: [], signInTokens: [], smsSentAt: [] }
    await writeFile(file, JSON.stringify(broken))
    await expect(startEmulator({ dataFile: file })).rejects.toThrow(/signing key/)
  })

  it('refuses to start on a corrupt file, names it, and leaves it untouched', async () => {
    const file = await tempFile()
    for (const content of ['{"version":1,"users":[', '{"version":2}', '', '[]']) {
      await writeFile(file, content)
      await expect(startEmulator({ dataFile: file })).rejects.toThrow(new RegExp(`data file ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is corrupt`))
      expect(await readFile(file, 'utf8')).toBe(content)
    }
  })

  it('serializes writes and coalesces a burst into few, always leaving a whole file', async () => {
    const file = await tempFile()
    let state = 0
    const snapshot = () => ({ version: 1, secretKey: `k${state}`, users: [], phoneNumbers: [], clients: [], sessions: [], signInTokens: [], smsSentAt: [] }) as Snapshot
    const persister = createPersister(file, snapshot)
    const saves = Array.from({ length: 50 }, () => {
      state += 1
      return persister.save()
    })
    await Promise.all(saves)
    await persister.flush()
    expect(JSON.parse(await readFile(file, 'utf8')).secretKey).toBe('k50')
  })

  it('answers a mutation only after it is on disk', async () => {
    const file = await tempFile()
    const emu = await startEmulator({ dataFile: file })
    try {
      const user = await post(emu.url, '/v1/users', { external_id: 'durable' }, emu.secretKey)
      const saved = JSON.parse(await readFile(file, 'utf8')) as Snapshot
      expect(saved.users.map((u) => u.id)).toContain(user.id)
    } finally {
      await emu.stop()
    }
  })

  it('answers a failed write with 500, keeps the change, and writes it on stop once the disk is back', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'dialkit-emu-')), 'gone')
    await mkdir(dir)
    const file = join(dir, 'state.json')
    const emu = await startEmulator({ dataFile: file })
    await rm(dir, { recursive: true })
    const res = await fetch(`${emu.url}/v1/users`, { method: 'POST', headers: { authorization: `Bearer ${emu.secretKey}` }, body: '{"external_id":"kept"}' })
    expect(res.status).toBe(500)
    expect(((await res.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe('internal_clerk_error')
    await mkdir(dir)
    await emu.stop()
    expect((JSON.parse(await readFile(file, 'utf8')) as Snapshot).users.map((u) => u.externalId)).toEqual(['kept'])
  })

  it('rejects stop when the last change still cannot be written', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'dialkit-emu-')), 'gone')
    const persister = createPersister(join(dir, 'state.json'), () => ({ version: 1 }) as Snapshot)
    await expect(persister.save()).rejects.toThrow(/ENOENT/)
    await expect(persister.flush()).rejects.toThrow(/ENOENT/)
    await mkdir(dir)
    await persister.flush()
    expect(JSON.parse(await readFile(join(dir, 'state.json'), 'utf8'))).toEqual({ version: 1 })
  })
})

/** Runs a real process that writes `<file>.<its pid>.1.tmp` as a save does, then SIGKILLs it before its rename. */
async function killMidWrite(file: string): Promise<string> {
  const script = `
    const fs = require('node:fs')
    const temp = process.argv[1] + '.' + process.pid + '.1.tmp'
    fs.writeFileSync(temp, JSON.stringify({ secretKey: 'sk_test_leaked' }), { mode: 0o600 })
    console.log(temp)
    setInterval(() => undefined, 1 << 30)`
  const child = spawn(process.execPath, ['-e', script, file], { stdio: ['ignore', 'pipe', 'inherit'] })
  const [temp] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string]
  child.kill('SIGKILL')
  await once(child, 'exit')
  return temp
}

describe('files beside the data file', () => {
  it('removes the temp file a process killed mid-write left, and keeps a live writer\'s', async () => {
    const file = await tempFile()
    const orphan = await killMidWrite(file)
    // process.ppid runs (it started this test), so its temp file is a write in progress.
    const live = `${file}.${process.ppid}.7.tmp`
    await writeFile(live, '{}')
    await writeFile(`${file}.backup.tmp`, '{}')
    const lines: string[] = []
    const emu = await startEmulator({ dataFile: file, log: (line) => lines.push(line) })
    await emu.stop()
    expect((await readdir(join(file, '..'))).sort()).toEqual([basename(live), 'state.json.backup.tmp'].sort())
    expect(orphan).toMatch(/state\.json\.\d+\.1\.tmp$/)
    expect(lines).toEqual([`removed 1 temp file(s) a killed emulator left beside ${file}`])
  })

  it('writes the data file readable by its owner only: it holds the secret key and client tokens', async () => {
    const file = await tempFile()
    const emu = await startEmulator({ dataFile: file })
    await post(emu.url, '/v1/users', { external_id: 'private' }, emu.secretKey)
    await emu.stop()
    expect((await stat(file)).mode & 0o777).toBe(0o600)
  })
})
