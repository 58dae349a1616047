import { parseArgs } from 'node:util'
import { SDK_VERSION } from '../client/version.js'
import { isValidationError } from '../errors/guards.js'
import { startEmulator, type Emulator } from './index.js'
import { OPTION_FLAGS } from './options.js'

export const USAGE = `Usage: dialkit-emulator [options]

A local Clerk Frontend + Backend API with an SMS outbox. Options:
  --port N              port to listen on, 0 for a free one (default 4010)
  --host HOST           interface to bind (default 127.0.0.1; 0.0.0.0 for every interface)
  --data FILE           keep state in FILE, written after every change (default: in memory)
  --cors-origin ORIGIN  origin allowed with credentials, repeatable; '*' for any (default: loopback)
  --secret-key KEY      Backend API key, sk_test_... (default: the data file's, else random)
  --max-attempts N      wrong codes before a verification fails, at least 1 (default 3)
  --resend-throttle S   seconds between two codes to one number, 0 for none (default 30)
  --code-ttl S          seconds a code stays valid, at least 1 (default 600)
  -v, --version         print the version and exit
  -h, --help            print this help and exit`

/** The process around the CLI, passed in so tests run it without spawning or exiting. */
export interface CliIo {
  out(text: string): void
  err(text: string): void
  exit(code: number): void
  onSignal(signal: 'SIGINT' | 'SIGTERM', handler: () => void): void
}

/** A bad command line: the usage text helps; for any other failure it would only be noise. */
class UsageError extends Error {
  constructor(message: string) {
    // parseArgs names the flag ("Unknown option '--prot'"); say whose message it is, as every other one does.
    super(`dialkit-emulator: ${message}`)
  }
}

const OPTIONS = {
  port: { type: 'string', default: '4010' },
  host: { type: 'string', default: '127.0.0.1' },
  data: { type: 'string' },
  'cors-origin': { type: 'string', multiple: true },
  'secret-key': { type: 'string' },
  'max-attempts': { type: 'string' },
  'resend-throttle': { type: 'string' },
  'code-ttl': { type: 'string' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const

function numberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^[+-]?\d+(\.\d+)?$/.test(value.trim())) throw new UsageError(`--${name} needs a number, got "${value}"`)
  return Number(value)
}

// parseArgs reads `--max-attempts -1` as a missing value plus an unknown flag ("argument is ambiguous");
// joining them lets the range check say what is wrong with -1.
function joinNegativeValues(argv: string[]): string[] {
  const joined: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const next = argv[i + 1]
    const takesValue = arg.startsWith('--') && OPTIONS[arg.slice(2) as keyof typeof OPTIONS]?.type === 'string'
    if (takesValue && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`)
      i++
    } else joined.push(arg)
  }
  return joined
}

function parse(argv: string[]) {
  try {
    return parseArgs({ args: joinNegativeValues(argv), options: OPTIONS }).values
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

function banner(emu: Emulator, dataFile: string | undefined): string {
  return [
    `dialkit emulator listening on ${emu.url}`,
    `  Frontend API     ${emu.url}/v1  (publishable key ${emu.publishableKey})`,
    `  Backend API      ${emu.url}/v1  (secret key ${emu.secretKey})`,
    `  SMS outbox       ${emu.url}/__dev/sms`,
    `  Clock            ${emu.url}/__dev/clock`,
    `  State            ${dataFile ?? 'in memory'}`,
    '  Test numbers +1 XXX 555-0100..0199 take code 424242 and send nothing.',
  ].join('\n')
}

async function start(argv: string[], io: CliIo): Promise<Emulator | undefined> {
  const values = parse(argv)
  if (values.help || values.version) {
    io.out(values.help ? USAGE : `dialkit-emulator ${SDK_VERSION}`)
    return undefined
  }
  const emu = await startEmulator({
    port: numberOption('port', values.port),
    host: values.host,
    dataFile: values.data,
    corsOrigins: values['cors-origin'],
    secretKey: values['secret-key'],
    maxAttempts: numberOption('max-attempts', values['max-attempts']),
    resendThrottleSeconds: numberOption('resend-throttle', values['resend-throttle']),
    codeTtlSeconds: numberOption('code-ttl', values['code-ttl']),
    log: (line) => io.err(`[dialkit-emulator] ${line}`),
  })
  io.out(banner(emu, values.data))
  // The outbox is the one place a code is ever printed: it stands in for the user's phone.
  emu.outbox.onMessage((sms) => io.out(`\nSMS to ${sms.to}:\n${sms.body}\n`))
  return emu
}

/** startEmulator() names the option (`maxAttempts must be…`); on the command line, name the flag instead. */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const flag = isValidationError(error) ? OPTION_FLAGS[error.paramName as keyof typeof OPTION_FLAGS] : undefined
  if (!flag) return error.message
  return `dialkit-emulator: ${flag} ${error.message.replace(/^\S+ /, '')}. See dialkit-emulator --help.`
}

function stopOn(emu: Emulator, io: CliIo): void {
  const shutdown = (signal: string) => {
    io.out(`\n${signal} received, saving state and stopping…`)
    emu.stop().then(
      () => io.exit(0),
      (error: unknown) => {
        io.err(`dialkit-emulator: failed to stop cleanly: ${(error as Error).message}`)
        io.exit(1)
      },
    )
  }
  io.onSignal('SIGINT', () => shutdown('SIGINT'))
  io.onSignal('SIGTERM', () => shutdown('SIGTERM'))
}

/**
 * Runs `dialkit-emulator` with `argv`: starts the emulator, prints URLs, keys and every SMS, and on
 * SIGINT/SIGTERM writes pending state before exiting. Resolves to the running emulator (none for --help
 * or a failed start, which exits 1).
 *
 * @example
 * ```ts
 * await runCli(['--port', '4010', '--data', 'state.json'], nodeIo)
 * ```
 */
export async function runCli(argv: string[], io: CliIo): Promise<Emulator | undefined> {
  try {
    const emu = await start(argv, io)
    if (emu) stopOn(emu, io)
    return emu
  } catch (error) {
    io.err(describeFailure(error))
    if (error instanceof UsageError) io.err(USAGE)
    io.exit(1)
    return undefined
  }
}
