// The browser entry. Nothing here may run at import time or touch `window`.
export * from './errors/index.js'
export type * from './wire/index.js'
