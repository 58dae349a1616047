// The chunk createClient() loads on the first signIn() or signOut(): an app signs in or out once a visit, so
// neither belongs in the add-and-verify first load. Short export names: they cross a chunk boundary unminified.
export { signInWithTicket as signIn } from './sign-in-ticket.js'
export { signOut } from './sign-out.js'
