// Wire (snake_case) Backend API objects to the client's camelCase shapes. Missing optional fields become
// null rather than undefined so results compare and serialize the same way whatever the server omitted.
// What a result cannot do without (an object with a string id, lists that are lists) is checked here; the
// TypeError thrown otherwise becomes `NetworkError` `malformed_response` in request().
import type { BackendPhoneNumberJSON, BackendUserJSON, DeletedObjectJSON, SignInTokenJSON, VerificationJSON } from '../wire/index.js'
import type {
  BackendPhoneNumber,
  BackendUser,
  BackendVerification,
  DeletedObject,
  SignInToken,
} from './backend-types.js'

export function phoneNumberFromJSON(json: BackendPhoneNumberJSON): BackendPhoneNumber {
  checkObject(json, 'phone_number')
  return {
    id: json.id,
    phoneNumber: json.phone_number,
    reservedForSecondFactor: json.reserved_for_second_factor ?? false,
    defaultSecondFactor: json.default_second_factor ?? false,
    reserved: json.reserved ?? false,
    verification: json.verification ? verificationFromJSON(json.verification) : null,
    linkedTo: list(json.linked_to).map((link) => (checkObject(link, 'type'), { id: link.id, type: link.type })),
    backupCodes: json.backup_codes == null ? null : list(json.backup_codes).map(checkString),
    createdAt: json.created_at,
    updatedAt: json.updated_at,
  }
}

export function verificationFromJSON(json: VerificationJSON): BackendVerification {
  checkString(json.status)
  return {
    status: json.status,
    strategy: json.strategy,
    attempts: json.attempts ?? null,
    expireAt: json.expire_at ?? null,
    channel: json.channel ?? null,
  }
}

export function userFromJSON(json: BackendUserJSON): BackendUser {
  checkObject(json)
  return {
    id: json.id,
    externalId: json.external_id ?? null,
    firstName: stringOrNull(json.first_name),
    lastName: stringOrNull(json.last_name),
    username: stringOrNull(json.username),
    primaryPhoneNumberId: json.primary_phone_number_id ?? null,
    phoneNumbers: list(json.phone_numbers).map(phoneNumberFromJSON),
    twoFactorEnabled: json.two_factor_enabled ?? false,
    backupCodeEnabled: json.backup_code_enabled ?? false,
    publicMetadata: isRecord(json.public_metadata) ? json.public_metadata : {},
    createdAt: json.created_at,
    updatedAt: json.updated_at,
  }
}

export function signInTokenFromJSON(json: SignInTokenJSON): SignInToken {
  checkObject(json, 'token')
  return {
    id: json.id,
    status: json.status,
    userId: json.user_id,
    token: json.token,
    url: json.url ?? null,
    createdAt: json.created_at,
    updatedAt: json.updated_at,
  }
}

export function deletedObjectFromJSON(json: DeletedObjectJSON): DeletedObject {
  checkString(json.object)
  if (typeof json.deleted != 'boolean') throw new TypeError('Expected deleted')
  return { id: json.id ?? null, object: json.object, deleted: json.deleted }
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The list a wire field holds; absent or `null` is empty unless `required`, anything else is damage. */
export function list<T>(value: T[] | null | undefined, required = false): T[] {
  if (value == null && !required) return []
  if (!Array.isArray(value)) throw new TypeError('Expected a list')
  return value
}

/** An object with a string `id` (and a string `key`, when named): what every Backend API object has. */
export function checkObject(json: unknown, key?: string): void {
  const record = json as Record<string, unknown> | null
  checkString(record?.id)
  if (key) checkString(record?.[key])
}

export function checkString(value: unknown): string {
  if (typeof value != 'string') throw new TypeError('Expected a string')
  return value
}

export function checkNumber(value: unknown): number {
  if (typeof value != 'number') throw new TypeError('Expected a number')
  return value
}
