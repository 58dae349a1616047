// Child process for the runtime benchmarks: the built emulator with the per-number limits lifted, so a
// load run measures request handling rather than 429s. Prints one JSON line { url, secretKey } when ready.
import { startEmulator } from '../dist/emulator.js'

const emu = await startEmulator({
  port: 0,
  host: '127.0.0.1',
  log: false,
  maxAttempts: 1_000_000_000,
  resendThrottleSeconds: 0,
})
console.log(JSON.stringify({ url: emu.url, secretKey: emu.secretKey }))

const stop = async () => {
  await emu.stop()
  process.exit(0)
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
