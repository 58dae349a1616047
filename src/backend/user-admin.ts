// Backend API user administration: GET /users (+ /users/count), PATCH and DELETE /users/{id}.
import { ValidationError } from '../errors/validation-error.js'
import type { BackendUserJSON, DeletedObjectJSON } from '../wire/index.js'
import type { GetUserListParams, PaginatedList, UpdateUserParams } from './admin-types.js'
import type { BackendUser, DeletedObject, RequestOptions } from './backend-types.js'
import { checkNumber, deletedObjectFromJSON, list, userFromJSON } from './from-json.js'
import { request, type BackendContext } from './request.js'
import { checkId, checkOptionalInteger, checkOptionalString, checkOptionalStringList, checkParams, checkPhoneNumber, compact, queryString } from './validate.js'

function checkNullableString(value: unknown, paramName: string): string | null | undefined {
  return value === null ? null : checkOptionalString(value, paramName)
}

function checkMetadata(value: unknown, paramName: string): Record<string, unknown> | undefined {
  if (value === undefined || (typeof value === 'object' && value !== null && !Array.isArray(value))) return value as Record<string, unknown> | undefined
  throw new ValidationError('param_invalid', `${paramName} must be an object`, { paramName })
}

/** The page and the total count, fetched together as `@clerk/backend` does (the count ignores paging). */
export async function getUserList(context: BackendContext, params: GetUserListParams = {}, options?: RequestOptions): Promise<PaginatedList<BackendUser>> {
  const input = checkParams(params, 'getUserList')
  const filters = {
    phone_number: checkOptionalStringList(input.phoneNumber, 'phone_number')?.map((value) => checkPhoneNumber(value)),
    external_id: checkOptionalStringList(input.externalId, 'external_id'),
    user_id: checkOptionalStringList(input.userId, 'user_id'),
  }
  const paging = {
    limit: checkOptionalInteger(input.limit, 'limit', 1, 500),
    offset: checkOptionalInteger(input.offset, 'offset', 0, Number.MAX_SAFE_INTEGER),
    order_by: checkOptionalString(input.orderBy, 'order_by'),
  }
  const signal = options?.signal
  const [data, totalCount] = await Promise.all([
    request(context, { method: 'GET', path: `/users${queryString({ ...filters, ...paging })}`, signal }, (users: BackendUserJSON[]) => list(users, true).map(userFromJSON)),
    request(context, { method: 'GET', path: `/users/count${queryString(filters)}`, signal }, (count: { total_count: number }) => checkNumber(count.total_count)),
  ])
  return { data, totalCount }
}

export async function updateUser(context: BackendContext, userId: string, params: UpdateUserParams, options?: RequestOptions): Promise<BackendUser> {
  const path = `/users/${checkId(userId, 'user_id')}`
  const input = checkParams(params, 'updateUser')
  const body = compact({
    external_id: checkNullableString(input.externalId, 'external_id'),
    first_name: checkNullableString(input.firstName, 'first_name'),
    last_name: checkNullableString(input.lastName, 'last_name'),
    username: checkNullableString(input.username, 'username'),
    primary_phone_number_id: checkOptionalString(input.primaryPhoneNumberId, 'primary_phone_number_id'),
    public_metadata: checkMetadata(input.publicMetadata, 'public_metadata'),
    private_metadata: checkMetadata(input.privateMetadata, 'private_metadata'),
    unsafe_metadata: checkMetadata(input.unsafeMetadata, 'unsafe_metadata'),
  })
  return request<BackendUserJSON, BackendUser>(context, { method: 'PATCH', path, body, signal: options?.signal }, userFromJSON)
}

/** Deletes the user; on the server their numbers and sign-in tokens go too and their sessions are revoked. */
export async function deleteUser(context: BackendContext, userId: string, options?: RequestOptions): Promise<DeletedObject> {
  const path = `/users/${checkId(userId, 'user_id')}`
  return request<DeletedObjectJSON, DeletedObject>(context, { method: 'DELETE', path, signal: options?.signal }, deletedObjectFromJSON)
}
