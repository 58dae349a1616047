// The chunk createClient() loads on the first signIn(), signOut() or session.getToken(), and a user on the first
// createBackupCode(): an app signs in or out once a visit, and an add-and-verify page never asks for a session
// token or new backup codes, so none of it belongs in that first load. One chunk, not one each: every lazy chunk costs the first load its import. Short export names: they
// cross a chunk boundary unminified.
export { signInWithTicket as signIn } from './sign-in-ticket.js'
export { signOut } from './sign-out.js'
export { getToken } from './session-token.js'
