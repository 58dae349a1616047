// startEmulator() refuses a bad option with a typed error before it listens or reads the data file.
import { mkdtemp, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isValidationError, startEmulator, ValidationError, type EmulatorOptions } from '../../src/emulator/index.js'
import { createEmulatorContext } from '../../src/emulator/create-context.js'

describe('startEmulator options', () => {
  it.each([
    [{ port: 'abc' }, 'port'],
    [{ port: 99_999 }, 'port'],
    [{ port: -1 }, 'port'],
    [{ port: 1.5 }, 'port'],
    [{ host: '' }, 'host'],
    [{ host: 4010 }, 'host'],
    [{ maxAttempts: 0 }, 'max_attempts'],
    [{ maxAttempts: Number.NaN }, 'max_attempts'],
    [{ codeTtlSeconds: 0 }, 'code_ttl_seconds'],
    [{ resendThrottleSeconds: -1 }, 'resend_throttle_seconds'],
    [{ maxBodyBytes: 0 }, 'max_body_bytes'],
    [{ secretKey: 'sk_test_' }, 'secret_key'],
    [{ secretKey: 'secret' }, 'secret_key'],
    [{ corsOrigins: 'http://localhost:5173' }, 'cors_origins'],
    [{ corsOrigins: ['notaurl'] }, 'cors_origins'],
    [{ corsOrigins: ['ftp://files.example'] }, 'cors_origins'],
    [{ dataFile: '' }, 'data_file'],
    [{ dataFile: '/nonexistent-dialkit-dir/state.json' }, 'data_file'],
    [{ clock: {} }, 'clock'],
    [{ log: 'yes' }, 'log'],
    [{ singleSessionMode: 'no' }, 'single_session_mode'],
  ])('refuses %j with a ValidationError for %s', async (options, paramName) => {
    const error = await startEmulator(options as EmulatorOptions).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ValidationError)
    expect(isValidationError(error)).toBe(true)
    expect(error).toMatchObject({ code: 'config_invalid', paramName })
  })

  it('refuses an option it does not take (a typo would be ignored), naming it and the ones it takes', async () => {
    const error = await startEmulator({ prot: 4010 } as EmulatorOptions).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ code: 'config_invalid', paramName: 'prot' })
    expect((error as Error).message).toBe('prot is not an option of startEmulator (it takes port, host, dataFile, secretKey, clock, corsOrigins, maxAttempts, resendThrottleSeconds, codeTtlSeconds, maxBodyBytes, singleSessionMode, log)')
    await expect(startEmulator('4010' as EmulatorOptions)).rejects.toMatchObject({ code: 'config_invalid', paramName: 'options' })
    // An option spread in as undefined is no option at all.
    const emu = await startEmulator({ port: 0, extra: undefined } as EmulatorOptions)
    await emu.stop()
  })

  it('names the option and the value it got', async () => {
    await expect(startEmulator({ port: 'abc' as never })).rejects.toThrow('port must be an integer from 0 to 65535 (got "abc")')
    await expect(startEmulator({ maxAttempts: 0 })).rejects.toThrow('maxAttempts must be an integer of at least 1 (got 0)')
  })

  it('accepts the edges: port 0, no throttle, one attempt, any origin, a file in an existing folder', async () => {
    const dataFile = join(await mkdtemp(join(tmpdir(), 'dialkit-options-')), 'state.json')
    const emu = await startEmulator({ port: 0, resendThrottleSeconds: 0, maxAttempts: 1, corsOrigins: ['*', 'http://localhost:5173'], dataFile })
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    await emu.stop()
  })

  it('refuses a bad data folder before creating anything', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dialkit-options-'))
    await expect(startEmulator({ dataFile: join(dir, 'missing', 'state.json') })).rejects.toMatchObject({ paramName: 'data_file' })
    expect(await readdir(dir)).toEqual([])
  })

  it('applies the same checks to the in-process context', () => {
    expect(() => createEmulatorContext({ maxAttempts: 0 })).toThrow(ValidationError)
  })
})
