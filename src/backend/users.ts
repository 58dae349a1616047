// Backend API user endpoints: POST /users, GET /users/{id}.
import type { BackendUserJSON } from '../wire/index.js'
import type { BackendUser, CreateUserParams, RequestOptions } from './backend-types.js'
import { userFromJSON } from './from-json.js'
import { request, type BackendContext } from './request.js'
import {
  checkId,
  checkOptionalBoolean,
  checkOptionalString,
  checkOptionalStringList as optionalList,
  checkParams,
  checkPhoneNumber,
  compact,
} from './validate.js'

export async function createUser(context: BackendContext, params: CreateUserParams = {}, options?: RequestOptions): Promise<BackendUser> {
  const input = checkParams(params, 'createUser')
  const body = compact({
    phone_number: optionalList(input.phoneNumber, 'phone_number')?.map((value) => checkPhoneNumber(value)),
    phone_number_identification_status: optionalList(input.phoneNumberIdentificationStatus, 'phone_number_identification_status'),
    email_address: optionalList(input.emailAddress, 'email_address'),
    external_id: checkOptionalString(input.externalId, 'external_id'),
    first_name: checkOptionalString(input.firstName, 'first_name'),
    last_name: checkOptionalString(input.lastName, 'last_name'),
    username: checkOptionalString(input.username, 'username'),
    password: checkOptionalString(input.password, 'password'),
    skip_password_requirement: checkOptionalBoolean(input.skipPasswordRequirement, 'skip_password_requirement'),
    public_metadata: input.publicMetadata,
    private_metadata: input.privateMetadata,
    unsafe_metadata: input.unsafeMetadata,
  })
  return request<BackendUserJSON, BackendUser>(context, { method: 'POST', path: '/users', body, signal: options?.signal }, userFromJSON)
}

export async function getUser(context: BackendContext, id: string, options?: RequestOptions): Promise<BackendUser> {
  const path = `/users/${checkId(id, 'user_id')}`
  return request<BackendUserJSON, BackendUser>(context, { method: 'GET', path, signal: options?.signal }, userFromJSON)
}
