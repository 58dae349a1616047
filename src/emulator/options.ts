// One check of the emulator's options, shared by startEmulator() and the CLI: a bad option stops the start
// with a ValidationError naming it, before anything listens or touches the data file.
import { stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { checkSecretKey } from '../backend/validate.js'
import { ValidationError } from '../errors/validation-error.js'
import type { EmulatorSettings } from './create-context.js'

/** Each option's `paramName` in a ValidationError, and the CLI flag that sets it. */
export const OPTION_FLAGS = {
  port: '--port',
  host: '--host',
  data_file: '--data',
  cors_origins: '--cors-origin',
  secret_key: '--secret-key',
  max_attempts: '--max-attempts',
  resend_throttle_seconds: '--resend-throttle',
  code_ttl_seconds: '--code-ttl',
  max_body_bytes: undefined,
  single_session_mode: undefined,
  clock: undefined,
  log: undefined,
} as const

type ParamName = keyof typeof OPTION_FLAGS

// What startEmulator() reads; anything else is a typo that would otherwise be ignored (`prot: 4010`).
const OPTION_NAMES = ['port', 'host', 'dataFile', 'secretKey', 'clock', 'corsOrigins', 'maxAttempts', 'resendThrottleSeconds', 'codeTtlSeconds', 'maxBodyBytes', 'singleSessionMode', 'log']

function knownOptions(options: object): void {
  const unknown = Object.entries(options).find(([name, value]) => value !== undefined && !OPTION_NAMES.includes(name))
  if (unknown) {
    const message = `${unknown[0]} is not an option of startEmulator (it takes ${OPTION_NAMES.join(', ')})`
    throw new ValidationError('config_invalid', message, { paramName: unknown[0] })
  }
}

function refuse(paramName: ParamName, name: string, rule: string, value: unknown, cause?: unknown): never {
  const shown = typeof value === 'string' ? `"${value}"` : String(value)
  throw new ValidationError('config_invalid', `${name} must be ${rule} (got ${shown})`, { paramName, cause })
}

function integer(paramName: ParamName, name: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER) {
  if (value === undefined) return
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const rule = max === Number.MAX_SAFE_INTEGER ? `an integer of at least ${min}` : `an integer from ${min} to ${max}`
    refuse(paramName, name, rule, value)
  }
}

function corsOrigins(value: unknown): void {
  if (value === undefined) return
  if (!Array.isArray(value)) refuse('cors_origins', 'corsOrigins', 'an array of origins', value)
  for (const origin of value as unknown[]) {
    if (origin === '*') continue
    let parsed: URL | undefined
    try {
      parsed = new URL(String(origin))
    } catch {
      // refused below, with the rule
    }
    const isOrigin = typeof origin === 'string' && parsed?.origin === origin && /^https?:$/.test(parsed.protocol)
    if (!isOrigin) refuse('cors_origins', 'corsOrigins', "'*' or an origin such as https://app.example (scheme and host, no path)", origin)
  }
}

function secretKey(value: unknown): void {
  if (value === undefined) return
  try {
    checkSecretKey(value)
  } catch (error) {
    // The same rule dialkit/backend applies, so a key the emulator accepts is one the backend client sends.
    refuse('secret_key', 'secretKey', 'a key like sk_test_... (the form dialkit/backend accepts)', value, error)
  }
}

/** Checks the settings createEmulatorContext() reads. */
export function checkEmulatorSettings(settings: EmulatorSettings): void {
  secretKey(settings.secretKey)
  corsOrigins(settings.corsOrigins)
  integer('max_attempts', 'maxAttempts', settings.maxAttempts, 1)
  integer('resend_throttle_seconds', 'resendThrottleSeconds', settings.resendThrottleSeconds, 0)
  integer('code_ttl_seconds', 'codeTtlSeconds', settings.codeTtlSeconds, 1)
  integer('max_body_bytes', 'maxBodyBytes', settings.maxBodyBytes, 1)
  const { clock, log, singleSessionMode } = settings
  if (singleSessionMode !== undefined && typeof singleSessionMode !== 'boolean') refuse('single_session_mode', 'singleSessionMode', 'true or false', singleSessionMode)
  if (clock !== undefined && typeof (clock as { now?: unknown } | null)?.now !== 'function') refuse('clock', 'clock', 'a Clock from createClock()', clock)
  if (log !== undefined && log !== false && typeof log !== 'function') refuse('log', 'log', 'a function or false', log)
}

/** Checks every option of startEmulator(), the data file's folder included. */
export async function checkEmulatorOptions(options: { port?: unknown; host?: unknown; dataFile?: unknown } & EmulatorSettings): Promise<void> {
  if (typeof options !== 'object' || options === null) throw new ValidationError('config_invalid', `startEmulator takes an options object (got ${String(options)})`, { paramName: 'options' })
  knownOptions(options)
  integer('port', 'port', options.port, 0, 65_535)
  const { host, dataFile } = options
  if (host !== undefined && (typeof host !== 'string' || host.trim() === '')) refuse('host', 'host', 'a host name or IP address', host)
  checkEmulatorSettings(options)
  if (dataFile === undefined) return
  if (typeof dataFile !== 'string' || dataFile.trim() === '') refuse('data_file', 'dataFile', 'a file path', dataFile)
  const folder = dirname(resolve(dataFile))
  const isFolder = await stat(folder).then((stats) => stats.isDirectory(), () => false)
  if (!isFolder) refuse('data_file', 'dataFile', `in a folder that exists (${folder} does not)`, dataFile)
}
