// The chunk a user loads on the first update(), reload() or createBackupCode(): an add-and-verify page does
// none of them, so none belongs in its first load.
export { createBackupCode } from './backup-codes.js'
export { reloadUser, updateUser } from './user-update.js'
