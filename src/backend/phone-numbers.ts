// Backend API phone number endpoints, one function each: POST /phone_numbers, GET|PATCH|DELETE /phone_numbers/{id}.
import type { BackendPhoneNumberJSON, DeletedObjectJSON } from '../wire/index.js'
import type {
  BackendPhoneNumber,
  CreatePhoneNumberParams,
  DeletedObject,
  RequestOptions,
  UpdatePhoneNumberParams,
} from './backend-types.js'
import { deletedObjectFromJSON, phoneNumberFromJSON } from './from-json.js'
import { request, type BackendContext } from './request.js'
import { checkId, checkOptionalBoolean, checkParams, checkPhoneNumber, compact } from './validate.js'

export async function createPhoneNumber(
  context: BackendContext,
  params: CreatePhoneNumberParams,
  options?: RequestOptions,
): Promise<BackendPhoneNumber> {
  const input = checkParams(params, 'createPhoneNumber')
  checkId(input.userId, 'user_id')
  const body = compact({
    user_id: input.userId,
    phone_number: checkPhoneNumber(input.phoneNumber),
    ...flags(input),
  })
  return request<BackendPhoneNumberJSON, BackendPhoneNumber>(context, { method: 'POST', path: '/phone_numbers', body, signal: options?.signal }, phoneNumberFromJSON)
}

export async function getPhoneNumber(context: BackendContext, id: string, options?: RequestOptions): Promise<BackendPhoneNumber> {
  const path = `/phone_numbers/${checkId(id, 'phone_number_id')}`
  return request<BackendPhoneNumberJSON, BackendPhoneNumber>(context, { method: 'GET', path, signal: options?.signal }, phoneNumberFromJSON)
}

export async function updatePhoneNumber(
  context: BackendContext,
  id: string,
  params: UpdatePhoneNumberParams,
  options?: RequestOptions,
): Promise<BackendPhoneNumber> {
  const path = `/phone_numbers/${checkId(id, 'phone_number_id')}`
  const body = compact(flags(checkParams(params, 'updatePhoneNumber')))
  return request<BackendPhoneNumberJSON, BackendPhoneNumber>(context, { method: 'PATCH', path, body, signal: options?.signal }, phoneNumberFromJSON)
}

export async function deletePhoneNumber(context: BackendContext, id: string, options?: RequestOptions): Promise<DeletedObject> {
  const path = `/phone_numbers/${checkId(id, 'phone_number_id')}`
  // Some proxies answer a delete with 204 and no body; that is still a successful delete of this id.
  const read = (json: DeletedObjectJSON | null) => deletedObjectFromJSON(json ?? { object: 'phone_number', id, deleted: true })
  return request(context, { method: 'DELETE', path, signal: options?.signal, emptyOk: true }, read)
}

// The three booleans shared by create and update, checked and renamed to the wire's snake_case.
function flags(input: Record<string, unknown>): Record<string, boolean | undefined> {
  return {
    primary: checkOptionalBoolean(input.primary, 'primary'),
    verified: checkOptionalBoolean(input.verified, 'verified'),
    reserved_for_second_factor: checkOptionalBoolean(input.reservedForSecondFactor, 'reserved_for_second_factor'),
  }
}
