import { createTestEmulator } from './helpers.js'

export type TestEmulator = ReturnType<typeof createTestEmulator>

export const SIGN_INS = '/v1/client/sign_ins'

/** A user created through BAPI with one verified number; with `mfa` the number is also an SMS second factor. */
export async function phoneUser(emu: TestEmulator, phoneNumber: string, options: { mfa?: boolean; firstName?: string } = {}) {
  const user = await emu.bapi('POST', '/v1/users', { phone_number: [phoneNumber], first_name: options.firstName ?? 'Ada' })
  const phoneId = user.body.phone_numbers[0].id as string
  let backupCodes: string[] = []
  if (options.mfa) {
    const reserved = await emu.bapi('PATCH', `/v1/phone_numbers/${phoneId}`, { reserved_for_second_factor: true })
    backupCodes = reserved.body.backup_codes as string[]
  }
  return { userId: user.body.id as string, phoneId, backupCodes }
}

/** Sign-in step calls on one emulator client. */
export function signInSteps(emu: TestEmulator) {
  const item = (id: string, step: string) => `${SIGN_INS}/${id}/${step}`
  return {
    create: (form: Record<string, string>, auth?: string) => emu.fapi('POST', SIGN_INS, form, auth),
    get: (id: string) => emu.fapi('GET', `${SIGN_INS}/${id}`),
    prepareFirst: (id: string, form: Record<string, string> = { strategy: 'phone_code' }) => emu.fapi('POST', item(id, 'prepare_first_factor'), form),
    attemptFirst: (id: string, code: string, strategy = 'phone_code') => emu.fapi('POST', item(id, 'attempt_first_factor'), { strategy, code }),
    prepareSecond: (id: string, form: Record<string, string> = { strategy: 'phone_code' }) => emu.fapi('POST', item(id, 'prepare_second_factor'), form),
    attemptSecond: (id: string, code: string, strategy = 'phone_code') => emu.fapi('POST', item(id, 'attempt_second_factor'), { strategy, code }),
  }
}

export const wrongCode = (code: string) => (code === '000000' ? '111111' : '000000')
