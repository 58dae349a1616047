import type { EmulatorContext } from '../context.js'
import { metadataInvalid, usernameExists } from '../errors.js'
import type { UserRecord } from '../state.js'
import { touchUser } from './users.js'

/** The profile fields of `PATCH /v1/me`, as the form sends them (`unsafe_metadata` is JSON text). */
export interface ProfileForm {
  first_name?: string | null | undefined
  last_name?: string | null | undefined
  username?: string | null | undefined
  unsafe_metadata?: string | null | undefined
}

/**
 * Checks the profile fields and returns the change to apply, refusing before anything changed: metadata
 * that is not a JSON object (Clerk answers `form_param_format_invalid`), a username another user has.
 */
export function checkProfile(ctx: EmulatorContext, user: UserRecord, form: ProfileForm): () => void {
  const metadata = form.unsafe_metadata == null ? undefined : parseObject(form.unsafe_metadata)
  const { username } = form
  if (username && [...ctx.store.users.values()].some((other) => other.id !== user.id && other.username === username)) throw usernameExists()
  return () => {
    const changes = { firstName: form.first_name, lastName: form.last_name, username, unsafeMetadata: metadata }
    const set = Object.entries(changes).filter(([, value]) => value !== undefined)
    if (!set.length) return
    Object.assign(user, Object.fromEntries(set))
    touchUser(ctx, user)
  }
}

function parseObject(text: string): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    value = undefined
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw metadataInvalid('unsafe_metadata')
  return value as Record<string, unknown>
}
