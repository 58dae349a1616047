import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, type CliIo } from '../../src/emulator/cli-run.js'

function fakeIo() {
  const out: string[] = []
  const err: string[] = []
  const handlers = new Map<string, () => void>()
  let exited: (code: number) => void = () => undefined
  const exit = new Promise<number>((resolve) => (exited = resolve))
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    exit: (code) => exited(code),
    onSignal: (signal, handler) => handlers.set(signal, handler),
  }
  return { io, out, err, handlers, exit }
}

describe('dialkit-emulator CLI', () => {
  it('prints URLs and keys, prints each SMS, and saves state on SIGTERM before exiting 0', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'dialkit-cli-')), 'state.json')
    const { io, out, handlers, exit } = fakeIo()
    const emu = (await runCli(['--port', '0', '--data', file, '--secret-key', 'sk_test_cli'], io))!
    expect(out[0]).toContain(`listening on ${emu.url}`)
    expect(out[0]).toContain('sk_test_cli')
    expect(out[0]).toContain(emu.publishableKey)
    const headers = { authorization: 'Bearer sk_test_cli', 'content-type': 'application/json' }
    await fetch(`${emu.url}/v1/users`, { method: 'POST', headers, body: '{"external_id":"from-cli"}' })
    handlers.get('SIGTERM')!()
    expect(await exit).toBe(0)
    expect(JSON.parse(await readFile(file, 'utf8')).users[0].externalId).toBe('from-cli')
  })

  it('prints the SMS body, which is the only place a code appears', async () => {
    const { io, out, err, handlers, exit } = fakeIo()
    const emu = (await runCli(['--port', '0', '--secret-key', 'sk_test_cli'], io))!
    const json = { authorization: 'Bearer sk_test_cli', 'content-type': 'application/json' }
    const user = (await (await fetch(`${emu.url}/v1/users`, { method: 'POST', headers: json, body: '{}' })).json()) as { id: string }
    const ticket = (await (await fetch(`${emu.url}/v1/sign_in_tokens`, { method: 'POST', headers: json, body: JSON.stringify({ user_id: user.id }) })).json()) as { token: string }
    const form = { 'content-type': 'application/x-www-form-urlencoded' }
    const signIn = await fetch(`${emu.url}/v1/client/sign_ins`, { method: 'POST', headers: form, body: `strategy=ticket&ticket=${ticket.token}` })
    const auth = { ...form, authorization: signIn.headers.get('authorization')! }
    const phone = (await (await fetch(`${emu.url}/v1/me/phone_numbers`, { method: 'POST', headers: auth, body: 'phone_number=%2B14155552671' })).json()) as { response: { id: string } }
    await fetch(`${emu.url}/v1/me/phone_numbers/${phone.response.id}/prepare_verification`, { method: 'POST', headers: auth, body: 'strategy=phone_code' })
    const code = emu.outbox.latest()!.code
    expect(out.filter((line) => line.includes(code))).toEqual([`\nSMS to +14155552671:\nYour verification code is ${code}.\n\n@127.0.0.1 #${code}\n`])
    expect(err.join('\n')).not.toContain(code)
    handlers.get('SIGINT')!()
    expect(await exit).toBe(0)
  })

  it('shows usage for bad arguments and only the message for a corrupt data file', async () => {
    const bad = fakeIo()
    expect(await runCli(['--port', 'abc'], bad.io)).toBeUndefined()
    expect(await bad.exit).toBe(1)
    expect(bad.err.join('\n')).toMatch(/--port needs a number, got "abc"[\s\S]*Usage:/)

    const file = join(await mkdtemp(join(tmpdir(), 'dialkit-cli-')), 'state.json')
    await writeFile(file, '{oops')
    const corrupt = fakeIo()
    await runCli(['--port', '0', '--data', file], corrupt.io)
    expect(await corrupt.exit).toBe(1)
    expect(corrupt.err).toEqual([expect.stringContaining('is corrupt')])
    expect(await readFile(file, 'utf8')).toBe('{oops')

    const help = fakeIo()
    expect(await runCli(['--help'], help.io)).toBeUndefined()
    expect(help.out[0]).toMatch(/^Usage:/)
  })

  it.each([
    [['--max-attempts', '0'], '--max-attempts must be an integer of at least 1 (got 0)'],
    [['--code-ttl', '0'], '--code-ttl must be an integer of at least 1 (got 0)'],
    [['--port', '99999'], '--port must be an integer from 0 to 65535 (got 99999)'],
    [['--port', '-1'], '--port must be an integer from 0 to 65535 (got -1)'],
    [['--resend-throttle', '-5'], '--resend-throttle must be an integer of at least 0 (got -5)'],
    [['--max-attempts', '2.5'], '--max-attempts must be an integer of at least 1 (got 2.5)'],
    [['--secret-key', 'sk_test_'], '--secret-key must be a key like sk_test_...'],
    [['--secret-key', 'pk_test_abc'], '--secret-key must be a key like sk_test_...'],
    [['--cors-origin', 'notaurl'], '--cors-origin must be \'*\' or an origin'],
    [['--cors-origin', 'http://localhost:5173', '--cors-origin', 'https://app.example/path'], '(got "https://app.example/path")'],
    [['--data', '/nonexistent-dialkit-dir/state.json'], '--data must be in a folder that exists (/nonexistent-dialkit-dir does not)'],
  ])('refuses %j at start, naming the flag, and listens on nothing', async (argv, message) => {
    const run = fakeIo()
    expect(await runCli(['--port', '0', ...argv], run.io)).toBeUndefined()
    expect(await run.exit).toBe(1)
    expect(run.out).toEqual([])
    expect(run.err).toEqual([expect.stringContaining(message)])
    expect(run.err[0]).toMatch(/^dialkit-emulator: --[a-z-]+ .*See dialkit-emulator --help\.$/)
  })

  it.each([
    [['--prot', '4010'], "dialkit-emulator: Unknown option '--prot'"],
    [['-p', '4010'], "dialkit-emulator: Unknown option '-p'"],
    [['--data'], "dialkit-emulator: Option '--data <value>' argument missing"],
    [['--port', '0', '--secret-key'], "dialkit-emulator: Option '--secret-key <value>' argument missing"],
    [['4010'], "dialkit-emulator: Unexpected argument '4010'"],
    [['--help=yes'], "dialkit-emulator: Option '-h, --help' does not take an argument"],
    [['--code-ttl', '1e3'], 'dialkit-emulator: --code-ttl needs a number, got "1e3"'],
  ])('refuses the command line %j, naming what is wrong, then shows the usage', async (argv, message) => {
    const run = fakeIo()
    expect(await runCli(argv, run.io)).toBeUndefined()
    expect(await run.exit).toBe(1)
    expect(run.out).toEqual([])
    expect(run.err).toEqual([expect.stringContaining(message), expect.stringMatching(/^Usage: dialkit-emulator/)])
  })

  it('prints the package version for --version and -v', async () => {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
    for (const flag of ['--version', '-v']) {
      const run = fakeIo()
      expect(await runCli([flag], run.io)).toBeUndefined()
      expect(run.out).toEqual([`dialkit-emulator ${pkg.version}`])
    }
  })

  it('describes every flag it accepts in one line of --help', async () => {
    const help = fakeIo()
    await runCli(['--help'], help.io)
    for (const flag of ['--port', '--host', '--data', '--cors-origin', '--secret-key', '--max-attempts', '--resend-throttle', '--code-ttl', '--version', '--help']) {
      expect(help.out[0]).toMatch(new RegExp(`^ .*${flag}\\b.* {2,}\\S.*$`, 'm'))
    }
  })

  it('says which address is taken instead of Node\'s raw listen error', async () => {
    const first = fakeIo()
    const emu = (await runCli(['--port', '0'], first.io))!
    const port = new URL(emu.url).port
    const second = fakeIo()
    expect(await runCli(['--port', port], second.io)).toBeUndefined()
    expect(await second.exit).toBe(1)
    expect(second.err).toEqual([`dialkit-emulator: cannot listen on 127.0.0.1:${port} (EADDRINUSE): pick another port or host`])
    await emu.stop()
  })
})
