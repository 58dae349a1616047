import * as v from 'valibot'

// BAPI request bodies as the spec declares them (additionalProperties: false on POST /users).
// Fields dialkit models are used; the spec's other fields are type-checked and then ignored, so a
// typo or a malformed type still answers 422 instead of being silently dropped.
const str = v.optional(v.nullable(v.string()))
const bool = v.optional(v.nullable(v.boolean()))
const int = v.optional(v.nullable(v.pipe(v.number(), v.integer())))
const strings = v.optional(v.array(v.string()))
// Not v.record(): it would take ['a'] and quietly turn it into { 0: 'a' }. Metadata is a JSON object.
const object = v.optional(
  v.custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value)),
)

export const CreateUserBody = v.strictObject({
  external_id: str,
  first_name: str,
  last_name: str,
  locale: str,
  email_address: strings,
  email_address_identification_status: v.optional(v.array(v.picklist(['verified', 'reserved']))),
  phone_number: strings,
  phone_number_identification_status: v.optional(v.array(v.picklist(['verified', 'reserved']))),
  web3_wallet: strings,
  username: str,
  password: str,
  password_digest: str,
  password_hasher: v.optional(v.string()),
  skip_password_checks: bool,
  skip_password_requirement: bool,
  totp_secret: str,
  backup_codes: strings,
  public_metadata: object,
  private_metadata: object,
  unsafe_metadata: object,
  delete_self_enabled: bool,
  legal_accepted_at: str,
  skip_legal_checks: bool,
  skip_user_requirement: bool,
  create_organization_enabled: bool,
  create_organizations_limit: int,
  created_at: str,
  bypass_client_trust: bool,
  banned: bool,
  locked: bool,
})

export const CreatePhoneNumberBody = v.strictObject({
  user_id: v.string(),
  phone_number: v.string(),
  verified: bool,
  primary: bool,
  reserved_for_second_factor: bool,
})

export const UpdatePhoneNumberBody = v.strictObject({
  verified: bool,
  primary: bool,
  reserved_for_second_factor: bool,
})

export const CreateSignInTokenBody = v.strictObject({
  user_id: v.string(),
  org_id: str,
  expires_in_seconds: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(315_360_000)))),
})

// PATCH /v1/users/{id}: the spec's fields; the profile ones are applied, the others type-checked and ignored.
export const UpdateUserBody = v.strictObject({
  external_id: str,
  first_name: str,
  last_name: str,
  locale: str,
  primary_email_address_id: str,
  notify_primary_email_address_changed: bool,
  primary_phone_number_id: str,
  primary_web3_wallet_id: str,
  username: str,
  profile_image_id: str,
  password: str,
  password_digest: str,
  password_hasher: v.optional(v.string()),
  skip_password_checks: bool,
  sign_out_of_other_sessions: bool,
  totp_secret: str,
  backup_codes: strings,
  public_metadata: object,
  private_metadata: object,
  unsafe_metadata: object,
  delete_self_enabled: bool,
  create_organization_enabled: bool,
  legal_accepted_at: str,
  skip_legal_checks: bool,
  create_organizations_limit: int,
  created_at: str,
  bypass_client_trust: bool,
})
