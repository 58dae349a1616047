import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'

async function tempFile(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'dialkit-emu-')), 'state.json')
}

/** A FAPI POST as clerk-js makes it (form body, header auth); returns the body and the client token. */
async function fapi(emu: Emulator, path: string, form: Record<string, string>, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', ...(token && { authorization: token }) }
  const res = await fetch(`${emu.url}${path}`, { method: 'POST', headers, body: new URLSearchParams(form).toString() })
  return { status: res.status, body: (await res.json()) as Record<string, any>, token: res.headers.get('authorization') ?? token } // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function bapi(emu: Emulator, method: string, path: string, body: unknown) {
  const res = await fetch(`${emu.url}${path}`, { method, headers: { authorization: `Bearer ${emu.secretKey}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
  return (await res.json()) as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('persistence of sign-ins', () => {
  it('resumes a sign-in in progress, its pending code and the backup codes after a restart', async () => {
    const file = await tempFile()
    const first = await startEmulator({ dataFile: file })
    const user = await bapi(first, 'POST', '/v1/users', { phone_number: ['+14155552671'] })
    const reserved = await bapi(first, 'PATCH', `/v1/phone_numbers/${user.phone_numbers[0].id}`, { reserved_for_second_factor: true })
    const created = await fapi(first, '/v1/client/sign_ins', { identifier: '+14155552671', strategy: 'phone_code' })
    const code = first.outbox.latest('+14155552671', 'sign_in_first_factor')!.code
    await first.stop()
    const saved = await readFile(file, 'utf8')
    expect(saved).not.toContain(`"${code}"`)
    expect(saved).not.toContain(reserved.backup_codes[0])

    const second = await startEmulator({ dataFile: file })
    try {
      const id = created.body.response.id as string
      const attempt = await fapi(second, `/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'phone_code', code }, created.token!)
      expect(attempt.body.response.status).toBe('needs_second_factor')
      const done = await fapi(second, `/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'backup_code', code: reserved.backup_codes[0] }, created.token!)
      expect(done.body.response.status).toBe('complete')
    } finally {
      await second.stop()
    }
  })

  it('loads a data file written before sign-in existed', async () => {
    const file = await tempFile()
    const now = Date.now()
    const user = {
      id: 'user_old', externalId: null, firstName: null, lastName: null, username: null, publicMetadata: {}, privateMetadata: {}, unsafeMetadata: {},
      primaryPhoneNumberId: 'idn_old', phoneNumberIds: ['idn_old'], backupCodeEnabled: true, mfaEnabledAt: null, mfaDisabledAt: null, lastSignInAt: null, createdAt: now, updatedAt: now,
    }
    const phone = {
      id: 'idn_old', userId: 'user_old', phoneNumber: '+14155552671', reserved: false, reservedForSecondFactor: false, defaultSecondFactor: false,
      verification: { strategy: 'admin', status: 'verified', attempts: null, expireAt: null, codeHash: null, verifiedAtClient: null }, createdAt: now, updatedAt: now,
    }
    const client = { id: 'client_old', token: 'tok_old', sessionIds: [], lastActiveSessionId: null, lastAuthenticationStrategy: null, createdAt: now, updatedAt: now }
    await writeFile(file, JSON.stringify({ version: 1, secretKey: 'sk_test_old', users: [user], phoneNumbers: [phone], clients: [client], sessions: [], signInTokens: [], smsSentAt: [] }))
    const emu = await startEmulator({ dataFile: file })
    try {
      const created = await fapi(emu, '/v1/client/sign_ins', { identifier: '+14155552671' }, 'tok_old')
      expect(created.body.response).toMatchObject({ status: 'needs_first_factor', supported_first_factors: [{ phone_number_id: 'idn_old' }] })
      expect(created.body.client.id).toBe('client_old')
    } finally {
      await emu.stop()
    }
  })
})
