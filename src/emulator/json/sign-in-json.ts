import type { SessionRecord, UserRecord } from '../state.js'
import { createId } from '../ids.js'

/** FAPI `Client.SignIn-2` for a completed ticket sign-in. */
export function completedSignInJSON(user: UserRecord, session: SessionRecord) {
  return {
    object: 'sign_in_attempt' as const,
    id: createId('sia'),
    status: 'complete' as const,
    supported_identifiers: [],
    supported_first_factors: [],
    supported_second_factors: null,
    first_factor_verification: {
      object: 'verification_ticket' as const,
      status: 'verified' as const,
      strategy: 'ticket' as const,
      attempts: null,
      expire_at: null,
    },
    second_factor_verification: null,
    identifier: null,
    user_data: { first_name: user.firstName, last_name: user.lastName, image_url: '', has_image: false },
    created_session_id: session.id,
    abandon_at: session.abandonAt,
  }
}
