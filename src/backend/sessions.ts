// Backend API sessions (GET /sessions, POST /sessions/{id}/revoke) and testing tokens (POST /testing_tokens).
import { ValidationError } from '../errors/validation-error.js'
import type { BackendSessionJSON, TestingTokenJSON } from '../wire/index.js'
import type { BackendSession, BackendSessionStatus, GetSessionListParams, PaginatedList, TestingToken } from './admin-types.js'
import type { RequestOptions } from './backend-types.js'
import { checkNumber, checkObject, checkString, list } from './from-json.js'
import { request, type BackendContext } from './request.js'
import { checkId, checkOptionalInteger, checkOptionalString, checkParams, queryString } from './validate.js'

const STATUSES: readonly BackendSessionStatus[] = ['active', 'revoked', 'ended', 'expired', 'removed', 'abandoned', 'replaced', 'pending']

export function sessionFromJSON(json: BackendSessionJSON): BackendSession {
  checkObject(json, 'status')
  return {
    id: json.id,
    userId: json.user_id,
    clientId: json.client_id,
    status: json.status,
    lastActiveAt: json.last_active_at,
    expireAt: json.expire_at,
    abandonAt: json.abandon_at,
    createdAt: json.created_at,
    updatedAt: json.updated_at,
  }
}

function checkStatus(value: unknown): BackendSessionStatus | undefined {
  if (value === undefined || STATUSES.includes(value as BackendSessionStatus)) return value as BackendSessionStatus | undefined
  throw new ValidationError('param_invalid', `status must be one of ${STATUSES.join(', ')}`, { paramName: 'status' })
}

/** Asks for the paginated form (`{ data, total_count }`), as `@clerk/backend` does. */
export async function getSessionList(context: BackendContext, params: GetSessionListParams = {}, options?: RequestOptions): Promise<PaginatedList<BackendSession>> {
  const input = checkParams(params, 'getSessionList')
  const query = queryString({
    user_id: checkOptionalString(input.userId, 'user_id'),
    client_id: checkOptionalString(input.clientId, 'client_id'),
    status: checkStatus(input.status),
    limit: checkOptionalInteger(input.limit, 'limit', 1, 500),
    offset: checkOptionalInteger(input.offset, 'offset', 0, Number.MAX_SAFE_INTEGER),
    paginated: 'true',
  })
  const read = (page: { data: BackendSessionJSON[]; total_count: number }) => ({ data: list(page.data, true).map(sessionFromJSON), totalCount: checkNumber(page.total_count) })
  return request(context, { method: 'GET', path: `/sessions${query}`, signal: options?.signal }, read)
}

export async function revokeSession(context: BackendContext, sessionId: string, options?: RequestOptions): Promise<BackendSession> {
  const path = `/sessions/${checkId(sessionId, 'session_id')}/revoke`
  return request<BackendSessionJSON, BackendSession>(context, { method: 'POST', path, signal: options?.signal }, sessionFromJSON)
}

export async function createTestingToken(context: BackendContext, options?: RequestOptions): Promise<TestingToken> {
  const read = (json: TestingTokenJSON) => ({ token: checkString(json.token), expiresAt: checkNumber(json.expires_at) * 1000 })
  return request(context, { method: 'POST', path: '/testing_tokens', signal: options?.signal }, read)
}
