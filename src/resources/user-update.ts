import type { UserJSON } from '../wire/index.js'
import type { CallOptions } from './coalesce.js'
import type { ResourceContext } from './context.js'
import { ValidationError } from '../errors/validation-error.js'
import type { Operation, runOperation } from './operation.js'
import type { User, UserConstructor } from './user.js'

type UserDeps = [context: ResourceContext, UserClass: UserConstructor, run: typeof runOperation]

/**
 * `PATCH /v1/me` with `primary_phone_number_id`, checked before anything is sent. In the user chunk (with
 * reload and new backup codes): an add-and-verify page does none of them. `User` and `run` come from the
 * caller, so this chunk shares no module with the first load that would split into a chunk of its own.
 */
export function updateUser(params: { primaryPhoneNumberId: string } & CallOptions, ...deps: UserDeps): Promise<User> {
  // Checked here rather than with guards.ts's requireString: sharing that module would split it out of the first load.
  const primaryPhoneNumberId = params?.primaryPhoneNumberId
  if (typeof primaryPhoneNumberId != 'string' || !primaryPhoneNumberId.trim()) {
    throw new ValidationError('param_invalid', 'Invalid primary_phone_number_id', { paramName: 'primary_phone_number_id' })
  }
  return runUser({ method: 'PATCH', path: '/me', body: { primaryPhoneNumberId } }, params, deps)
}

/** `GET /v1/me`, in the user chunk too. */
export function reloadUser(options: CallOptions | undefined, ...deps: UserDeps): Promise<User> {
  return runUser({ method: 'GET', path: '/me' }, options, deps)
}

function runUser(request: Omit<Operation<User>, 'build'>, options: CallOptions | undefined, [context, UserClass, run]: UserDeps): Promise<User> {
  const build = (result: { response: unknown } | null) => new UserClass(result?.response as UserJSON, context)
  return run(context, { ...request, build, emit: 'user:updated' }, options)
}
