import type { BackendClient, BackendUser, CreateUserParams } from 'dialkit/backend'
import { isApiResponseError } from '../errors/guards.js'
import { ValidationError } from '../errors/validation-error.js'
import { normalizeE164 } from '../emulator/phone-format.js'

/**
 * What `kit.createUser()` takes: the Backend API's user fields, plus the numbers and second factor to set up.
 *
 * @example
 * ```ts
 * await kit.createUser({ firstName: 'Ada', phoneNumbers: ['+14155552671'], secondFactor: true })
 * ```
 */
export interface TestUserParams extends Omit<CreateUserParams, 'phoneNumber' | 'phoneNumberIdentificationStatus'> {
  /**
   * Verified numbers, the first one primary (E.164, `+` optional). Default: one fresh test number
   * (`+1 XXX 555-01YY`, code 424242) that no other user of this kit has; `[]` for none.
   */
  phoneNumbers?: string[]
  /** Make the primary number an SMS second factor (2FA): the user then gets backup codes. Default false. */
  secondFactor?: boolean
}

/**
 * A user the kit made, with what a test reaches for next.
 *
 * @example
 * ```ts
 * const user: TestUser = await kit.createUser({ secondFactor: true })
 * user.phoneNumber // '+13005550100', verified and primary
 * user.backupCodes // ten codes, each good for one sign-in
 * ```
 */
export interface TestUser {
  /** `user_…` */
  id: string
  /** The primary number (E.164), `null` when created without numbers. */
  phoneNumber: string | null
  /** The user as the Backend API returned it, numbers included. */
  user: BackendUser
  /** The backup codes of a user created with `secondFactor`, else `null`. */
  backupCodes: string[] | null
}

/** Hands out test numbers no user of this kit has yet: +1 300 555-0100, -0101, …, then area 301, … */
export function createTestNumbers(): () => string {
  let next = 0
  return () => {
    const n = next++
    return `+1${300 + Math.floor(n / 100)}55501${String(n % 100).padStart(2, '0')}`
  }
}

function checkNumbers(value: unknown): string[] | undefined {
  if (value === undefined) return undefined
  if (!Array.isArray(value)) throw new ValidationError('param_invalid', 'phoneNumbers must be an array of E.164 numbers', { paramName: 'phone_numbers' })
  return value.map((input: unknown) => {
    const e164 = typeof input === 'string' ? normalizeE164(input) : null
    if (!e164) throw new ValidationError('phone_number_invalid', `Not an E.164 number: ${String(input)}`, { paramName: 'phone_numbers' })
    return e164
  })
}

function checkUserParams(params: TestUserParams | undefined): { numbers: string[] | undefined; secondFactor: boolean; rest: CreateUserParams } {
  if (params !== undefined && (typeof params !== 'object' || params === null)) {
    throw new ValidationError('param_invalid', 'createUser() takes an object of user fields', { paramName: 'params' })
  }
  const { phoneNumbers, secondFactor = false, ...rest } = params ?? {}
  if (typeof secondFactor !== 'boolean') throw new ValidationError('param_invalid', 'secondFactor must be a boolean', { paramName: 'second_factor' })
  const numbers = checkNumbers(phoneNumbers)
  if (secondFactor && numbers?.length === 0) {
    throw new ValidationError('param_invalid', 'secondFactor needs a phone number to send the second factor to', { paramName: 'second_factor' })
  }
  return { numbers, secondFactor, rest }
}

/**
 * Creates a user through the Backend API with verified numbers, and with `secondFactor` reserves the primary
 * one for 2FA (which returns the backup codes, once). Fresh test numbers another user already has (a shared
 * emulator) are skipped.
 */
export async function createTestUser(backend: BackendClient, nextNumber: () => string, params?: TestUserParams): Promise<TestUser> {
  const { numbers, secondFactor, rest } = checkUserParams(params)
  let user = await createWithNumbers(backend, rest, numbers, nextNumber)
  const primary = user.phoneNumbers.find((phone) => phone.id === user.primaryPhoneNumberId) ?? null
  let backupCodes: string[] | null = null
  if (secondFactor && primary) {
    backupCodes = (await backend.phoneNumbers.updatePhoneNumber(primary.id, { reservedForSecondFactor: true })).backupCodes
    user = await backend.users.getUser(user.id)
  }
  return { id: user.id, phoneNumber: primary?.phoneNumber ?? null, user, backupCodes }
}

async function createWithNumbers(backend: BackendClient, rest: CreateUserParams, numbers: string[] | undefined, nextNumber: () => string): Promise<BackendUser> {
  if (numbers) return backend.users.createUser({ ...rest, phoneNumber: numbers })
  for (let tries = 1; ; tries += 1) {
    const fresh = nextNumber()
    try {
      return await backend.users.createUser({ ...rest, phoneNumber: [fresh] })
    } catch (error) {
      // Another kit (a parallel worker) or the app took that test number: take the next one.
      const taken = isApiResponseError(error) && error.code === 'form_identifier_exists'
      if (!taken || tries >= 100) throw error
    }
  }
}

