// `npm run emulator -- [flags]`: the dialkit-emulator CLI run straight from src/, so a fresh clone needs no
// build first and never runs a stale dist/. Vite (a dev dependency already) compiles the TypeScript on the fly;
// the published package runs the built bin instead (`npx dialkit-emulator`).
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'

const cli = fileURLToPath(new URL('../src/emulator/cli.ts', import.meta.url))
// cli.ts reads process.argv.slice(2): the flags after `npm run emulator --`.
await runnerImport(cli, { configFile: false, logLevel: 'error' })
