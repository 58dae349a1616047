// Public camelCase shapes of the backend client's user-administration, session and testing-token calls.
/**
 * One page of a list and the number of matches in all pages, like `@clerk/backend`'s paginated results.
 *
 * @example
 * ```ts
 * const { data, totalCount } = await backend.users.getUserList({ limit: 20 })
 * ```
 */
export interface PaginatedList<T> {
  /** This page, in the order asked for. */
  data: T[]
  /** Matches across all pages. */
  totalCount: number
}

/**
 * Filters and paging for `users.getUserList`. Each filter list matches any of its values; filters combine.
 *
 * @example
 * ```ts
 * await backend.users.getUserList({ phoneNumber: ['+14155552671'], orderBy: '-created_at', limit: 10 })
 * ```
 */
export interface GetUserListParams {
  /** E.164 numbers (a `+` is added when missing). */
  phoneNumber?: string[]
  /** Your own ids, as set with `externalId`. */
  externalId?: string[]
  /** Clerk user ids, `user_…`. */
  userId?: string[]
  /** 1..500; the server's default is 10. */
  limit?: number
  /** Users to skip, ≥ 0. */
  offset?: number
  /** `[+|-]field`, e.g. `-created_at` (the default, newest first) or `+last_sign_in_at`. */
  orderBy?: string
}

/**
 * Profile fields for `users.updateUser`; omitted ones stay, `null` clears.
 *
 * @example
 * ```ts
 * await backend.users.updateUser(userId, { firstName: 'Ada', primaryPhoneNumberId: phone.id })
 * ```
 */
export interface UpdateUserParams {
  /** Your own id for the user. */
  externalId?: string | null
  /** Given name. */
  firstName?: string | null
  /** Family name. */
  lastName?: string | null
  /** Username, where the instance uses them. */
  username?: string | null
  /** One of the user's verified numbers. */
  primaryPhoneNumberId?: string
  /** Replaces the public metadata (readable by the frontend). */
  publicMetadata?: Record<string, unknown>
  /** Replaces the private metadata (backend only). */
  privateMetadata?: Record<string, unknown>
  /** Replaces the unsafe metadata (writable by the frontend). */
  unsafeMetadata?: Record<string, unknown>
}

/** A Backend API session's status. @example `session.status === 'active'` */
export type BackendSessionStatus = 'active' | 'revoked' | 'ended' | 'expired' | 'removed' | 'abandoned' | 'replaced' | 'pending'

/**
 * A session as the Backend API sees it; timestamps in Unix milliseconds.
 *
 * @example
 * ```ts
 * const { data } = await backend.sessions.getSessionList({ userId, status: 'active' })
 * ```
 */
export interface BackendSession {
  /** Clerk's id, `sess_…`. */
  id: string
  /** The signed-in user. */
  userId: string
  /** The device (Frontend API client) it lives on. */
  clientId: string
  /** `active` while signed in. */
  status: BackendSessionStatus
  /** Last touch (`setActive`, focus). */
  lastActiveAt: number
  /** When it ends by itself. */
  expireAt: number
  /** When it ends if unused. */
  abandonAt: number
  /** Sign-in time. */
  createdAt: number
  /** Last change. */
  updatedAt: number
}

/**
 * Filters and paging for `sessions.getSessionList`.
 *
 * @example
 * ```ts
 * await backend.sessions.getSessionList({ userId, status: 'active' })
 * ```
 */
export interface GetSessionListParams {
  /** Sessions of this user. */
  userId?: string
  /** Sessions on this client. */
  clientId?: string
  /** Only sessions in this status. */
  status?: BackendSessionStatus
  /** 1..500; the server's default is 10. */
  limit?: number
  /** Sessions to skip, ≥ 0. */
  offset?: number
}

/**
 * A testing token for `__clerk_testing_token` (what `@clerk/testing` passes to the Frontend API).
 *
 * @example
 * ```ts
 * const { token, expiresAt } = await backend.testingTokens.createTestingToken()
 * ```
 */
export interface TestingToken {
  /** The value for `__clerk_testing_token`. */
  token: string
  /** Unix milliseconds (the wire's `expires_at` is in seconds). */
  expiresAt: number
}
