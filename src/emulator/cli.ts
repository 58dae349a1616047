// The `dialkit-emulator` bin (built to dist/emulator-cli.js with a shebang). All logic is in cli-run.ts.
import { runCli } from './cli-run.js'

void runCli(process.argv.slice(2), {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
  exit: (code) => process.exit(code),
  onSignal: (signal, handler) => process.once(signal, handler),
})
