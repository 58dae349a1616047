import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { findChromium, launchChromium } from './browser.js'
import { freePort } from '../support/free-port.js'

export interface DemoServer {
  url: string
  /** Everything the demo printed, for failure messages. */
  output(): string
  stop(): Promise<void>
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const READY = /dialkit demo: (http:\/\/\S+)/
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g

/**
 * Starts the demo exactly as the README says (`npm run demo`), on a free port, and waits for its URL. `env` adds
 * to its environment (e.g. `DIALKIT_EMULATOR_URL` to put it in front of an emulator the test started).
 */
export async function startDemo(timeoutMs = 60_000, env: Record<string, string> = {}): Promise<DemoServer> {
  const port = await freePort()
  const child = spawn('npm', ['run', 'demo'], {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(port), BROWSER: 'none', FORCE_COLOR: '0', DIALKIT_DEMO_WATCH: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group, so teardown stops npm, Vite and the emulator together
  })
  // If the test process dies without teardown, do not leave the demo running.
  const orphanGuard = () => child.pid !== undefined && signalGroup(child.pid, 'SIGKILL')
  process.once('exit', orphanGuard)
  child.once('exit', () => process.off('exit', orphanGuard))
  let log = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The demo did not print its URL within ${timeoutMs} ms:\n${log}`)), timeoutMs)
    const onData = (chunk: Buffer) => {
      log += chunk.toString().replace(ANSI, '')
      const match = READY.exec(log)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`The demo exited with code ${code} before it was ready:\n${log}`))
    })
  })
  return { url, output: () => log, stop: () => stopGroup(child) }
}

/** The demo and a Chromium, shared by the tests of one `describe` block. */
export interface DemoInChromium {
  /** The demo's URL. */
  readonly url: string
  readonly browser: Browser
  /** Everything the demo printed, for failure messages. */
  output(): string
}

/**
 * Starts the demo (as the README does; `env` adds to its environment) and Chromium before the tests of the
 * `describe` block it is called in, and stops both after them. The fields are read inside tests, once `beforeAll` has run.
 */
export function useDemoInChromium(options: { env?: Record<string, string> } = {}): DemoInChromium {
  let demo: DemoServer | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    findChromium() // fails first, with install instructions, when there is no browser
    ;[demo, browser] = await Promise.all([startDemo(60_000, options.env), launchChromium()])
  })
  afterAll(async () => {
    await browser?.close()
    await demo?.stop()
  })
  const started = () => {
    if (!demo || !browser) throw new Error('useDemoInChromium(): read its fields inside a test, after beforeAll')
    return { demo, browser }
  }
  return {
    get url() { return started().demo.url },
    get browser() { return started().browser },
    output: () => demo?.output() ?? '',
  }
}

function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve()
  const pid = child.pid
  return new Promise((resolve) => {
    const force = setTimeout(() => signalGroup(pid, 'SIGKILL'), 5000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    signalGroup(pid, 'SIGTERM')
  })
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal)
  } catch {
    // already gone
  }
}
