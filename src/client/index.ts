export { createClient, type CreateClientOptions, type DialkitClient } from './create-client.js'
export type { TokenStorage } from './token-storage.js'
