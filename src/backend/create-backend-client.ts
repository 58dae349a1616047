import type { BackendSession, GetSessionListParams, GetUserListParams, PaginatedList, TestingToken, UpdateUserParams } from './admin-types.js'
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
import { createTestingToken, getSessionList, revokeSession } from './sessions.js'
import { createSignInToken } from './sign-in-tokens.js'
import { deleteUser, getUserList, updateUser } from './user-admin.js'
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
  /** `POST|GET /v1/users`, `GET /v1/users/count` and `GET|PATCH|DELETE /v1/users/{id}`. */
  users: {
    /** Creates a user; phone numbers given here are created verified unless told otherwise. */
    createUser(params?: CreateUserParams, options?: RequestOptions): Promise<BackendUser>
    /** Fetches a user by id (`user_…`). */
    getUser(userId: string, options?: RequestOptions): Promise<BackendUser>
    /** One page of users matching the filters (newest first by default) and how many match in all. */
    getUserList(params?: GetUserListParams, options?: RequestOptions): Promise<PaginatedList<BackendUser>>
    /** Changes the profile fields given; `primaryPhoneNumberId` must be one of the user's verified numbers. */
    updateUser(userId: string, params: UpdateUserParams, options?: RequestOptions): Promise<BackendUser>
    /** Deletes a user; their numbers and sign-in tokens go with them and their sessions are revoked. */
    deleteUser(userId: string, options?: RequestOptions): Promise<DeletedObject>
  }
  /** `GET /v1/sessions` and `POST /v1/sessions/{id}/revoke`. */
  sessions: {
    /** One page of sessions (newest first) filtered by user, client or status, and the total count. */
    getSessionList(params?: GetSessionListParams, options?: RequestOptions): Promise<PaginatedList<BackendSession>>
    /** Signs the session out wherever it is; its tokens stay valid until they expire (60 s). */
    revokeSession(sessionId: string, options?: RequestOptions): Promise<BackendSession>
  }
  /** `POST /v1/testing_tokens`. */
  testingTokens: {
    /** A token for the Frontend API's `__clerk_testing_token` parameter, as `@clerk/testing` uses it. */
    createTestingToken(options?: RequestOptions): Promise<TestingToken>
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
 * const { data, totalCount } = await backend.users.getUserList({ phoneNumber: ['+14155552671'] })
 * ```
 */
export function createBackendClient(options: BackendClientOptions): BackendClient {
  const context = createContext(options)
  return {
    users: {
      createUser: (params, requestOptions) => createUser(context, params, requestOptions),
      getUser: (userId, requestOptions) => getUser(context, userId, requestOptions),
      getUserList: (params, requestOptions) => getUserList(context, params, requestOptions),
      updateUser: (userId, params, requestOptions) => updateUser(context, userId, params, requestOptions),
      deleteUser: (userId, requestOptions) => deleteUser(context, userId, requestOptions),
    },
    sessions: {
      getSessionList: (params, requestOptions) => getSessionList(context, params, requestOptions),
      revokeSession: (sessionId, requestOptions) => revokeSession(context, sessionId, requestOptions),
    },
    testingTokens: {
      createTestingToken: (requestOptions) => createTestingToken(context, requestOptions),
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
