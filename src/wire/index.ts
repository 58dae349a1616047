export type * from './fapi-json.js'
export type * from './sign-in-json.js'
export type * from './bapi-json.js'
