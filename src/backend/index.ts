/**
 * dialkit/backend: a server-side client for the Backend API (Clerk's, or a dialkit emulator's), for
 * creating users, phone numbers and sign-in tokens. Needs a secret key: keep it out of browser bundles.
 * Results are plain camelCase objects with Unix-ms timestamps.
 *
 * @example
 * ```ts
 * import { createBackendClient } from 'dialkit/backend'
 *
 * const backend = createBackendClient({ secretKey: process.env.CLERK_SECRET_KEY!, apiUrl: 'https://api.clerk.com' })
 * const user = await backend.users.createUser({ phoneNumber: ['+14155552671'] })
 * const { token } = await backend.signInTokens.createSignInToken({ userId: user.id })
 * ```
 *
 * @packageDocumentation
 */

// dialkit/backend: the server-side Backend API client. Node (or any runtime with fetch); never bundle it
// into a browser app, it needs a secret key.
export * from '../errors/index.js'
export { createBackendClient, type BackendClient } from './create-backend-client.js'
export { BAPI_VERSION } from './request.js'
export type * from './backend-types.js'
export type * from './admin-types.js'
// The wire unions the camelCase shapes above refer to.
export type { PhoneCodeChannel, VerificationStatus, VerificationStrategy } from '../wire/index.js'
