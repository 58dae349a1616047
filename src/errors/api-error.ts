import type { ClerkErrorJSON } from '../wire/index.js'
import type { ApiError } from './api-response-error.js'
import { deepFreeze } from '../wire/deep-freeze.js'

/**
 * One wire error in the camelCase shape our errors carry, frozen down to its `meta`. Every `meta` key is
 * camelCased (`param_name` → `paramName`, `session_id` → `sessionId`), as Clerk's own SDKs name them.
 * Apart from the response mapping because a verification's `error` needs it on the first load.
 */
export function toApiError(json: ClerkErrorJSON): ApiError {
  const meta: ApiError['meta'] = {}
  for (const key in json.meta) meta[key.replace(/_([a-z\d])/g, (_, char: string) => char.toUpperCase())] = json.meta[key]
  return deepFreeze({ code: json.code, message: json.message, longMessage: json.long_message, meta })
}
