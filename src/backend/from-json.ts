// Wire (snake_case) Backend API objects to the client's camelCase shapes. Missing optional fields become
// null rather than undefined so results compare and serialize the same way whatever the server omitted.
import type { BackendPhoneNumberJSON, BackendUserJSON, DeletedObjectJSON, SignInTokenJSON, VerificationJSON } from '../wire/index.js'
import type {
  BackendPhoneNumber,
  BackendUser,
  BackendVerification,
  DeletedObject,
  SignInToken,
} from './backend-types.js'

export function phoneNumberFromJSON(json: BackendPhoneNumberJSON): BackendPhoneNumber {
  return {
    id: json.id,
    phoneNumber: json.phone_number,
    reservedForSecondFactor: json.reserved_for_second_factor ?? false,
    defaultSecondFactor: json.default_second_factor ?? false,
    reserved: json.reserved ?? false,
    verification: json.verification ? verificationFromJSON(json.verification) : null,
    linkedTo: (json.linked_to ?? []).map((link) => ({ id: link.id, type: link.type })),
    backupCodes: json.backup_codes ?? null,
    createdAt: json.created_at,
    updatedAt: json.updated_at,
  }
}

export function verificationFromJSON(json: VerificationJSON): BackendVerification {
  return {
    status: json.status,
    strategy: json.strategy,
    attempts: json.attempts ?? null,
    expireAt: json.expire_at ?? null,
    channel: json.channel ?? null,
  }
}

export function userFromJSON(json: BackendUserJSON): BackendUser {
  return {
    id: json.id,
    externalId: json.external_id ?? null,
    firstName: stringOrNull(json.first_name),
    lastName: stringOrNull(json.last_name),
    username: stringOrNull(json.username),
    primaryPhoneNumberId: json.primary_phone_number_id ?? null,
    phoneNumbers: (json.phone_numbers ?? []).map(phoneNumberFromJSON),
    twoFactorEnabled: json.two_factor_enabled ?? false,
    backupCodeEnabled: json.backup_code_enabled ?? false,
    publicMetadata: isRecord(json.public_metadata) ? json.public_metadata : {},
    createdAt: json.created_at,
    updatedAt: json.updated_at,
  }
}

export function signInTokenFromJSON(json: SignInTokenJSON): SignInToken {
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
  return { id: json.id ?? null, object: json.object, deleted: json.deleted }
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
