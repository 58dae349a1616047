export { createClient, type CreateClientOptions, type DialkitClient } from './create-client.js'
export { parsePublishableKey } from './publishable-key.js'
export type { TokenStorage } from './token-storage.js'
