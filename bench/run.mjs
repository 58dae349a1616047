// `npm run bench`: runtime benchmarks of the built package (run `npm run build` first).
// Load (autocannon) and SDK-vs-fetch (tinybench) talk to an emulator child process on loopback;
// cold start spawns the CLI. Prints tables and writes bench/runtime-results.json.
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { availableParallelism, cpus, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { measureColdStart } from './cold-start.mjs'
import { startServer } from './harness.mjs'
import { measureLoad } from './load.mjs'
import { measureSdkOverhead } from './sdk-overhead.mjs'

for (const file of ['../dist/emulator.js', '../dist/emulator-cli.js', '../dist/index.js']) {
  if (!existsSync(fileURLToPath(new URL(file, import.meta.url)))) {
    console.error(`Missing ${file.slice(3)}: run \`npm run build\` first.`)
    process.exit(1)
  }
}

const fixed = (value) => (typeof value === 'number' && !Number.isInteger(value) ? Number(value.toFixed(3)) : value)
const rounded = (rows) => rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, fixed(value)])))

// The load average is recorded because figures from a busy machine are not comparable with a quiet one.
const machine = () => ({
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: availableParallelism(),
  platform: process.platform,
  loadAverage1m: Number(loadavg()[0].toFixed(2)),
})
const before = machine()
console.log('machine', before)

console.log('\ncold start (spawn dist/emulator-cli.js --port 0 until its URL line)')
const coldStart = await measureColdStart()
console.table(rounded([coldStart]))

const loadServer = await startServer()
let load
try {
  console.log('\nload (autocannon, emulator in its own process, limits lifted)')
  load = await measureLoad(loadServer)
  console.table(rounded(load))
} finally {
  await loadServer.stop()
}

const sdkServer = await startServer()
let sdkOverhead
try {
  console.log('\nSDK overhead over a raw fetch of the same request (tinybench, one run, same server)')
  sdkOverhead = await measureSdkOverhead(sdkServer)
  console.table(rounded(sdkOverhead))
} finally {
  await sdkServer.stop()
}

const results = { measuredAt: new Date().toISOString(), machine: before, loadAverage1mAfter: machine().loadAverage1m, coldStart, load, sdkOverhead }
await writeFile(new URL('./runtime-results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`)
console.log('\nwrote bench/runtime-results.json')
