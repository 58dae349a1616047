import { parseArgs } from 'node:util'
import { startEmulator, type Emulator } from './index.js'

const USAGE = `Usage: dialkit-emulator [--port 4010] [--host 127.0.0.1] [--data FILE] [--cors-origin ORIGIN ...]
                        [--secret-key sk_test_...] [--max-attempts 3] [--resend-throttle 30] [--code-ttl 600]`

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
    return parseOptions(argv)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

function parseOptions(argv: string[]) {
  const { values } = parseArgs({
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
  })
  return values
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

async function main(): Promise<void> {
  const values = parse(process.argv.slice(2))
  if (values.help) {
    console.log(USAGE)
    return
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
    log: (line) => console.error(`[dialkit-emulator] ${line}`),
  })
  console.log(banner(emu, values.data))
  // The outbox is the one place a code is ever printed: it stands in for the user's phone.
  emu.outbox.onMessage((sms) => console.log(`\nSMS to ${sms.to}:\n${sms.body}\n`))
  const shutdown = (signal: string) => {
    console.log(`\n${signal} received, saving state and stopping…`)
    emu.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`dialkit-emulator: failed to stop cleanly: ${(error as Error).message}`)
        process.exit(1)
      },
    )
  }
  process.once('SIGINT', () => shutdown('SIGINT'))
  process.once('SIGTERM', () => shutdown('SIGTERM'))
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  if (error instanceof UsageError) console.error(USAGE)
  process.exit(1)
})
