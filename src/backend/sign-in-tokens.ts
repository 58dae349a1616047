// Backend API sign-in tokens: POST /sign_in_tokens. The token is the "ticket" a client signs in with.
import type { SignInTokenJSON } from '../wire/index.js'
import type { CreateSignInTokenParams, RequestOptions, SignInToken } from './backend-types.js'
import { signInTokenFromJSON } from './from-json.js'
import { request, type BackendContext } from './request.js'
import { checkId, checkOptionalPositiveInteger, checkParams, compact } from './validate.js'

export async function createSignInToken(
  context: BackendContext,
  params: CreateSignInTokenParams,
  options?: RequestOptions,
): Promise<SignInToken> {
  const input = checkParams(params, 'createSignInToken')
  checkId(input.userId, 'user_id')
  const body = compact({
    user_id: input.userId,
    expires_in_seconds: checkOptionalPositiveInteger(input.expiresInSeconds, 'expires_in_seconds'),
  })
  return request<SignInTokenJSON, SignInToken>(context, { method: 'POST', path: '/sign_in_tokens', body, signal: options?.signal }, signInTokenFromJSON)
}
