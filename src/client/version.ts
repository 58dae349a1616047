/** Sent as `_clerk_js_version`; a test keeps it equal to package.json's version. */
export const SDK_VERSION = '0.1.0'

/** The Frontend API version dialkit speaks, sent as `__clerk_api_version`. */
export const API_VERSION = '2026-05-12'
