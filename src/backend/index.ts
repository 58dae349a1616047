// dialkit/backend: the server-side Backend API client. Node (or any runtime with fetch); never bundle it
// into a browser app, it needs a secret key.
export * from '../errors/index.js'
export { createBackendClient, type BackendClient } from './create-backend-client.js'
export { BAPI_VERSION } from './request.js'
export type * from './backend-types.js'
// The wire unions the camelCase shapes above refer to.
export type { PhoneCodeChannel, VerificationStatus, VerificationStrategy } from '../wire/index.js'
