import type {
  BackendClientOptions,
  BackendPhoneNumber,
  BackendUser,
  CreatePhoneNumberParams,
  CreateSignInTokenParams,
  CreateUserParams,
  DeletedObject,
  RequestOptions,
  SignInToken,
  UpdatePhoneNumberParams,
} from './backend-types.js'
import { createPhoneNumber, deletePhoneNumber, getPhoneNumber, updatePhoneNumber } from './phone-numbers.js'
import type { BackendContext } from './request.js'
import { createSignInToken } from './sign-in-tokens.js'
import { createUser, getUser } from './users.js'
import { checkApiUrl, checkParams, checkSecretKey, checkTimeout } from './validate.js'
import { ValidationError } from '../errors/validation-error.js'

/**
 * The object {@link createBackendClient} returns. Every method rejects only with dialkit errors:
 * `ValidationError` (bad input, nothing sent), `ApiResponseError` (the server said no), `NetworkError`.
 *
 * @example
 * ```ts
 * const backend: BackendClient = createBackendClient({ secretKey, apiUrl })
 * ```
 */
export interface BackendClient {
  /** `POST /v1/users` and `GET /v1/users/{id}`. */
  users: {
    /** Creates a user; phone numbers given here are created verified unless told otherwise. */
    createUser(params?: CreateUserParams, options?: RequestOptions): Promise<BackendUser>
    /** Fetches a user by id (`user_…`). */
    getUser(userId: string, options?: RequestOptions): Promise<BackendUser>
  }
  /** `POST /v1/phone_numbers` and `GET|PATCH|DELETE /v1/phone_numbers/{id}`. */
  phoneNumbers: {
    /** Adds a number to a user; the number is checked and normalized to E.164 before sending. */
    createPhoneNumber(params: CreatePhoneNumberParams, options?: RequestOptions): Promise<BackendPhoneNumber>
    /** Fetches a number by id (`idn_…`). */
    getPhoneNumber(phoneNumberId: string, options?: RequestOptions): Promise<BackendPhoneNumber>
    /** Changes the flags given; omitted ones are left as they are. */
    updatePhoneNumber(phoneNumberId: string, params: UpdatePhoneNumberParams, options?: RequestOptions): Promise<BackendPhoneNumber>
    /** Removes a number; a bodiless 204 also resolves, to `{ id, object: 'phone_number', deleted: true }`. */
    deletePhoneNumber(phoneNumberId: string, options?: RequestOptions): Promise<DeletedObject>
  }
  /** `POST /v1/sign_in_tokens`. */
  signInTokens: {
    /** Creates a one-time ticket for `client.signIn({ ticket })`. */
    createSignInToken(params: CreateSignInTokenParams, options?: RequestOptions): Promise<SignInToken>
  }
}

/**
 * Creates a server-side client for the Backend API (Clerk's wire format, or a dialkit emulator).
 * Bad options throw a `ValidationError` right here, before anything is sent. Keep the secret key on the server.
 *
 * @example
 * ```ts
 * import { createBackendClient } from 'dialkit/backend'
 *
 * const backend = createBackendClient({ secretKey: process.env.SECRET_KEY!, apiUrl: 'http://localhost:4010' })
 * const user = await backend.users.createUser({ phoneNumber: ['+14155552671'] })
 * const phone = await backend.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: '+14155550123', verified: true })
 * const { token } = await backend.signInTokens.createSignInToken({ userId: user.id })
 * ```
 */
export function createBackendClient(options: BackendClientOptions): BackendClient {
  const context = createContext(options)
  return {
    users: {
      createUser: (params, requestOptions) => createUser(context, params, requestOptions),
      getUser: (userId, requestOptions) => getUser(context, userId, requestOptions),
    },
    phoneNumbers: {
      createPhoneNumber: (params, requestOptions) => createPhoneNumber(context, params, requestOptions),
      getPhoneNumber: (id, requestOptions) => getPhoneNumber(context, id, requestOptions),
      updatePhoneNumber: (id, params, requestOptions) => updatePhoneNumber(context, id, params, requestOptions),
      deletePhoneNumber: (id, requestOptions) => deletePhoneNumber(context, id, requestOptions),
    },
    signInTokens: {
      createSignInToken: (params, requestOptions) => createSignInToken(context, params, requestOptions),
    },
  }
}

function createContext(options: BackendClientOptions): BackendContext {
  const input = checkParams(options, 'createBackendClient')
  const fetchImpl = input.fetch ?? globalThis.fetch
  if (typeof fetchImpl !== 'function') {
    throw new ValidationError('config_invalid', 'No fetch available: pass the fetch option', { paramName: 'fetch' })
  }
  return {
    secretKey: checkSecretKey(input.secretKey),
    baseUrl: checkApiUrl(input.apiUrl),
    timeout: checkTimeout(input.timeout),
    // Bound so a global fetch is never called with `this` set to our options object.
    fetch: (fetchImpl as typeof fetch).bind(globalThis),
  }
}
