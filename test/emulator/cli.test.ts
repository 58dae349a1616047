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
    expect(bad.err.join('\n')).toMatch(/--port needs a non-negative integer[\s\S]*Usage:/)

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
})
