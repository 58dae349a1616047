// Backend API wire shapes: bare JSON objects, snake_case. See ../shared/clerk-openapi/bapi-2026-05-12.yml.
import type { IdentificationLinkJSON, VerificationJSON } from './fapi-json.js'

export interface BackendPhoneNumberJSON {
  id: string
  object: 'phone_number'
  phone_number: string
  reserved_for_second_factor: boolean
  default_second_factor: boolean
  reserved: boolean
  verification: VerificationJSON | null
  linked_to: IdentificationLinkJSON[]
  backup_codes?: string[] | null
  created_at: number
  updated_at: number
}

export interface BackendUserJSON {
  id: string
  object: 'user'
  external_id: string | null
  primary_phone_number_id: string | null
  phone_numbers: BackendPhoneNumberJSON[]
  two_factor_enabled: boolean
  backup_code_enabled: boolean
  created_at: number
  updated_at: number
  [field: string]: unknown
}

export interface SignInTokenJSON {
  object: 'sign_in_token'
  id: string
  status: 'pending' | 'accepted' | 'revoked'
  user_id: string
  token: string
  url: string | null
  created_at: number
  updated_at: number
}
