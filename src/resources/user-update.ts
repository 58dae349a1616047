import type { UserJSON } from '../wire/index.js'
import type { CallOptions } from './coalesce.js'
import type { ResourceContext } from './context.js'
import { invalid } from '../client/config.js'
import { requireString } from './guards.js'
import type { Operation, runOperation } from './operation.js'
import type { User, UserConstructor } from './user.js'

type UserDeps = [context: ResourceContext, UserClass: UserConstructor, run: typeof runOperation]

/**
 * What `user.update()` changes; every field is optional and only the given ones are sent. A name or the
 * username set to `null` is cleared.
 *
 * @example
 * ```ts
 * const params: UpdateUserParams = { firstName: 'Ada', unsafeMetadata: { theme: 'dark' } }
 * ```
 */
export interface UpdateUserParams {
  /** The id of one of the user's verified numbers, which becomes the primary one. */
  primaryPhoneNumberId?: string
  /** The user's first name; `null` clears it. */
  firstName?: string | null
  /** The user's last name; `null` clears it. */
  lastName?: string | null
  /** The username, where the instance has usernames on; `null` clears it. */
  username?: string | null
  /** Replaces the user's `unsafeMetadata`: a plain object (an object literal, parsed JSON), sent as JSON. */
  unsafeMetadata?: Record<string, unknown>
}

/**
 * `PATCH /v1/me` with the given fields, each checked before anything is sent. In the user chunk (with reload
 * and new backup codes): an add-and-verify page does none of them. `User` and `run` come from the caller:
 * importing them would pull their modules into this chunk.
 */
export function updateUser(params: UpdateUserParams & CallOptions, ...deps: UserDeps): Promise<User> {
  const { primaryPhoneNumberId, firstName, lastName, username, unsafeMetadata } = params ?? {}
  // Each refusal names the wire field, as the server would.
  if (primaryPhoneNumberId !== undefined) requireString(primaryPhoneNumberId, 'primary_phone_number_id')
  for (const [paramName, name] of Object.entries({ first_name: firstName, last_name: lastName, username })) {
    if (typeof (name ?? '') != 'string') invalid(paramName, 'param_invalid')
  }
  // A plain object (an object literal, a parsed JSON object): not an array, a Date, a Map or null.
  if (unsafeMetadata !== undefined && unsafeMetadata?.constructor != Object) invalid('unsafe_metadata', 'param_invalid')
  const body = { primaryPhoneNumberId, firstName, lastName, username, unsafeMetadata }
  return runUser({ method: 'PATCH', path: '/me', body }, params, deps)
}

/** `GET /v1/me`, in the user chunk too. */
export function reloadUser(options: CallOptions | undefined, ...deps: UserDeps): Promise<User> {
  return runUser({ method: 'GET', path: '/me' }, options, deps)
}

function runUser(request: Omit<Operation<User>, 'build'>, options: CallOptions | undefined, [context, UserClass, run]: UserDeps): Promise<User> {
  const build = (result: { response: unknown } | null) => new UserClass(result?.response as UserJSON, context)
  return run(context, { ...request, build, emit: 'user:updated' }, options)
}
