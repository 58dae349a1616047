import { parseArgs } from 'node:util'
import { startEmulator, type Emulator } from './index.js'

export const USAGE = `Usage: dialkit-emulator [--port 4010] [--host 127.0.0.1] [--data FILE] [--cors-origin ORIGIN ...]
                        [--secret-key sk_test_...] [--max-attempts 3] [--resend-throttle 30] [--code-ttl 600]`

/** The process around the CLI, passed in so tests run it without spawning or exiting. */
export interface CliIo {
  out(text: string): void
  err(text: string): void
  exit(code: number): void
  onSignal(signal: 'SIGINT' | 'SIGTERM', handler: () => void): void
}

/** A bad command line: the usage text helps; for any other failure it would only be noise. */
class UsageError extends Error {}

function numberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed < 0) throw new UsageError(`--${name} needs a non-negative integer, got "${value}"`)
  return parsed
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '4010' },
        host: { type: 'string', default: '127.0.0.1' },
        data: { type: 'string' },
        'cors-origin': { type: 'string', multiple: true },
        'secret-key': { type: 'string' },
        'max-attempts': { type: 'string' },
        'resend-throttle': { type: 'string' },
        'code-ttl': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values
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
  if (values.help) {
    io.out(USAGE)
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
    io.err(error instanceof Error ? error.message : String(error))
    if (error instanceof UsageError) io.err(USAGE)
    io.exit(1)
    return undefined
  }
}
