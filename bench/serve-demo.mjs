/* global clearTimeout */
// Starts the demo the way a bench needs it (`npx <args>`, e.g. `vite preview --config …`) on a port, in its own
// process group, and waits for the URL it prints; `stop()` ends the whole group.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

/** @param {string[]} args @param {number} [port] a free one when omitted */
export async function serveDemo(args, port) {
  port ||= await freePort()
  const child = spawn('npx', args, { cwd: root, env: { ...process.env, PORT: String(port), FORCE_COLOR: '0' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed:\n${log}`)), 60_000)
    const onData = (chunk) => {
      log += chunk
      const match = /dialkit demo: (http:\/\/\S+)/.exec(log)
      if (match) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
  })
  return {
    url,
    stop: () => new Promise((resolve) => {
      child.once('exit', resolve)
      process.kill(-child.pid, 'SIGTERM')
    }),
  }
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}
