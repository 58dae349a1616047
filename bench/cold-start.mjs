// Cold start: wall time from spawning `node dist/emulator-cli.js --port 0` to the line with its URL.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { median } from './harness.mjs'

const CLI = fileURLToPath(new URL('../dist/emulator-cli.js', import.meta.url))
const URL_LINE = /https?:\/\/[^\s/]+:\d+/

async function once_() {
  const started = process.hrtime.bigint()
  const child = spawn(process.execPath, [CLI, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
  const lines = createInterface({ input: child.stdout })
  let output = ''
  const ready = new Promise((resolve, reject) => {
    lines.on('line', (line) => {
      output += `${line}\n`
      if (URL_LINE.test(line)) resolve(Number(process.hrtime.bigint() - started) / 1e6)
    })
    child.on('exit', (code) => reject(new Error(`emulator-cli exited (${code}) before printing a URL:\n${output}`)))
  })
  try {
    return await ready
  } finally {
    child.kill('SIGTERM')
    if (child.exitCode === null) await once(child, 'exit')
  }
}

export async function measureColdStart(runs = Number(process.env.BENCH_COLD_RUNS ?? 9)) {
  const times = []
  for (let run = 0; run < runs; run += 1) times.push(await once_())
  // A bare `node -e ''` start shows how much of that is Node itself.
  const nodeOnly = []
  for (let run = 0; run < runs; run += 1) {
    const started = process.hrtime.bigint()
    const child = spawn(process.execPath, ['-e', 'console.log("ready")'], { stdio: 'ignore' })
    await once(child, 'exit')
    nodeOnly.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  return { runs, medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times), nodeAloneMedianMs: median(nodeOnly) }
}
