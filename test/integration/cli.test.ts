// The built CLI (`dialkit-emulator`) prints its URL and keys, saves state on SIGTERM and reloads it; it runs as
// an executable, and `npm run emulator` runs the same CLI from src/ without a build.
// Needs `npm run build` first (npm test builds before it runs the tests); fails, never skips, without it.
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, statSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createBackendClient } from '../../src/backend/index.js'

const CLI = fileURLToPath(new URL('../../dist/emulator-cli.js', import.meta.url))
const SECRET_KEY = 'sk_test_cli_integration'
const children: ChildProcess[] = []

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

/** Starts the CLI and resolves with its URL once the banner's first line is out. */
async function startCli(dataFile: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [CLI, '--port', '0', '--data', dataFile, '--secret-key', SECRET_KEY], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  return { child, url: await bannerUrl(child) }
}

async function bannerUrl(child: ChildProcess): Promise<string> {
  const lines = createInterface({ input: child.stdout! })
  for await (const line of lines) {
    const match = /listening on (http:\/\/\S+)/.exec(line)
    if (match) return match[1]!
  }
  throw new Error('emulator-cli exited without printing its URL')
}

describe('dialkit-emulator CLI', () => {
  let dir: string | undefined
  beforeAll(() => {
    // A skipped test would prove nothing about the shipped bin.
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test builds before testing)`)
  })
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('stops on SIGTERM with exit code 0 and keeps what was written', async () => {
    dir = await mkdtemp(join(tmpdir(), 'dialkit-cli-'))
    const dataFile = join(dir, 'state.json')
    const first = await startCli(dataFile)
    const backend = createBackendClient({ secretKey: SECRET_KEY, apiUrl: first.url })
    const user = await backend.users.createUser({ phoneNumber: ['+14155552750'], externalId: 'cli' })
    first.child.kill('SIGTERM')
    const [code] = await once(first.child, 'exit')
    expect(code).toBe(0)

    const second = await startCli(dataFile)
    const reloaded = await createBackendClient({ secretKey: SECRET_KEY, apiUrl: second.url }).users.getUser(user.id)
    expect(reloaded).toMatchObject({ externalId: 'cli', phoneNumbers: [{ phoneNumber: '+14155552750' }] })
    second.child.kill('SIGTERM')
    await once(second.child, 'exit')
  })

  it('is built executable, so the bin runs by itself (as `npx dialkit-emulator` runs it)', async () => {
    expect(statSync(CLI).mode & 0o111).toBe(0o111)
    const child = spawn(CLI, ['--version'], { stdio: ['ignore', 'pipe', 'pipe'] })
    children.push(child)
    const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string]
    expect(line).toMatch(/^dialkit-emulator \d+\.\d+\.\d+/)
    expect((await once(child, 'exit'))[0]).toBe(0)
  })

  it('runs from src with `npm run emulator`, the command the README gives a fresh clone', async () => {
    // detached: npm starts node under a shell; killing the group stops all three.
    const child = spawn('npm', ['run', '--silent', 'emulator', '--', '--port', '0', '--secret-key', SECRET_KEY], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    try {
      const url = await bannerUrl(child)
      const user = await createBackendClient({ secretKey: SECRET_KEY, apiUrl: url }).users.createUser({ externalId: 'from-src' })
      expect(user.externalId).toBe('from-src')
    } finally {
      process.kill(-child.pid!, 'SIGKILL')
    }
  })
})
