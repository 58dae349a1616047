// The built CLI (`dialkit-emulator`) prints its URL and keys, saves state on SIGTERM (also mid-write) and reloads
// it, refuses a data file another one holds, and runs as an executable; the README's `npm run emulator` runs the
// same CLI from src/ in a checkout without dist/.
// Needs `npm run build` first (npm test builds before it runs the tests); fails, never skips, without it.
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, statSync } from 'node:fs'
import { cp, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createBackendClient } from '../../src/backend/index.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

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

/**
 * The repo as a fresh clone has it after `npm install`: no dist/ (nor coverage, test results). package.json and
 * scripts/ are copies, so a script reaching for ../dist finds none; the rest are links.
 */
async function freshCheckout(): Promise<string> {
  const checkout = await mkdtemp(join(tmpdir(), 'dialkit-clone-'))
  for (const name of await readdir(ROOT)) {
    if (['dist', 'coverage', 'test-results', '.git'].includes(name)) continue
    if (name === 'package.json' || name === 'scripts') await cp(join(ROOT, name), join(checkout, name), { recursive: true })
    else await symlink(join(ROOT, name), join(checkout, name))
  }
  return checkout
}

/** The command lines of the README's sh block under `## section`, comments dropped. */
async function readmeShBlock(section: string): Promise<string[]> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8')
  const start = readme.indexOf(`## ${section}\n`)
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(start))![1]!
  return block.split('\n').map((line) => line.split(/\s+#\s/)[0]!.trim()).filter(Boolean)
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

  it('runs the README\'s `npm run emulator` commands as written in a checkout without dist/ (a fresh clone)', async () => {
    const checkout = await freshCheckout()
    dir = checkout
    const commands = (await readmeShBlock('Emulator')).filter((line) => line.startsWith('npm run emulator'))
    expect(commands).toEqual(['npm run emulator -- --port 4010', 'npm run emulator -- --help'])
    for (const command of commands) {
      // npm runs node under a shell; detached puts all three in one group, killed at once.
      const args = command.replace('--port 4010', '--port 0').split(' ').slice(1)
      const child = spawn('npm', [...args.slice(0, 1), '--silent', ...args.slice(1), '--secret-key', SECRET_KEY], { cwd: checkout, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
      try {
        if (command.includes('--help')) {
          const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string]
          expect(line).toBe('Usage: dialkit-emulator [options]')
          continue
        }
        const url = await bannerUrl(child)
        const user = await createBackendClient({ secretKey: SECRET_KEY, apiUrl: url }).users.createUser({ externalId: 'from-src' })
        expect(user.externalId).toBe('from-src')
      } finally {
        if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL')
      }
    }
    expect(existsSync(join(checkout, 'dist'))).toBe(false)
  })

  it('refuses a second emulator on a data file the first one runs on, and the first keeps its state', async () => {
    dir = await mkdtemp(join(tmpdir(), 'dialkit-cli-'))
    const dataFile = join(dir, 'state.json')
    const first = await startCli(dataFile)
    const second = spawn(process.execPath, [CLI, '--port', '0', '--data', dataFile], { stdio: ['ignore', 'pipe', 'pipe'] })
    children.push(second)
    const [line] = (await once(createInterface({ input: second.stderr! }), 'line')) as [string]
    expect(line).toBe(`dialkit-emulator: data file ${dataFile} is in use by another emulator (pid ${first.child.pid}): stop that one, or pass another --data file (no emulator runs? delete ${dataFile}.lock)`)
    expect((await once(second, 'exit'))[0]).toBe(1)
    const user = await createBackendClient({ secretKey: SECRET_KEY, apiUrl: first.url }).users.createUser({ externalId: 'still-first' })
    expect(JSON.parse(await readFile(dataFile, 'utf8')).users.map((u: { id: string }) => u.id)).toEqual([user.id])
  })

  it('on SIGTERM in the middle of a burst of writes, exits 0 with every answered change on disk and no temp file left', async () => {
    dir = await mkdtemp(join(tmpdir(), 'dialkit-cli-'))
    const dataFile = join(dir, 'state.json')
    const { child, url } = await startCli(dataFile)
    const backend = createBackendClient({ secretKey: SECRET_KEY, apiUrl: url })
    const answered: string[] = []
    const burst = Array.from({ length: 40 }, (_, i) =>
      backend.users.createUser({ externalId: `burst-${i}` }).then((user) => void answered.push(user.id), () => undefined),
    )
    // The signal lands while requests are in flight and their writes are queued.
    await new Promise<void>((resolve) => void burst[5]!.then(() => resolve()))
    child.kill('SIGTERM')
    const [code] = await once(child, 'exit')
    await Promise.all(burst)
    expect(code).toBe(0)
    expect(answered.length).toBeGreaterThan(0)
    const saved = JSON.parse(await readFile(dataFile, 'utf8')) as { users: { id: string }[] }
    expect(saved.users.map((user) => user.id)).toEqual(expect.arrayContaining(answered))
    expect(await readdir(dir)).toEqual(['state.json'])
  })
})
