import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import { HTTPException } from 'hono/http-exception'
import { methodOverride } from 'hono/method-override'
import type { EmulatorContext } from '../context.js'
import { ClerkHttpError, errorBody, internalError, requestBodyTooLarge, resourceNotFound } from '../errors.js'
import { createTraceId } from '../ids.js'
import { registerBapiRoutes } from './bapi-routes.js'
import { registerBapiSessionRoutes } from './bapi-session-routes.js'
import { registerBapiUserAdminRoutes } from './bapi-user-admin-routes.js'
import { registerDevRoutes } from './dev-routes.js'
import { registerFapiBackupCodeRoutes } from './fapi-backup-code-routes.js'
import { registerFapiClientRoutes } from './fapi-client-routes.js'
import { registerFapiLifecycleRoutes } from './fapi-lifecycle-routes.js'
import { registerFapiMeRoutes } from './fapi-me-routes.js'
import { registerFapiSessionRoutes } from './fapi-session-routes.js'
import { registerJwksRoutes } from './jwks-routes.js'
import { registerFapiSignInRoutes } from './fapi-sign-in-routes.js'
import { registerFapiSignUpRoutes } from './fapi-sign-up-routes.js'
import { attachClientToken } from './respond.js'
import type { AppEnv } from './types.js'

const LOOPBACK = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/

function allowOrigin(ctx: EmulatorContext) {
  const origins = ctx.config.corsOrigins
  return (origin: string) => {
    if (!origin) return null
    if (origins.length === 0) return LOOPBACK.test(origin) ? origin : null
    return origins.includes('*') || origins.includes(origin) ? origin : null
  }
}

function toClerkError(error: unknown, ctx: EmulatorContext): ClerkHttpError {
  if (error instanceof ClerkHttpError) return error
  if (error instanceof HTTPException) {
    if (error.status === 413) return requestBodyTooLarge()
    return new ClerkHttpError(error.status, 'request_invalid', 'Request invalid', error.message || 'The request is invalid.')
  }
  // Never a message, stack or request data in the log: they can carry codes. A system error code
  // (EACCES, ENOSPC… from the data file) is safe and says what went wrong.
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  ctx.log(`internal error: ${error instanceof Error ? error.name : typeof error}${typeof code === 'string' ? ` (${code})` : ''}`)
  return internalError()
}

function errorResponse(c: Context<AppEnv>, error: ClerkHttpError) {
  const client = c.get('client')
  if (client) attachClientToken(c, client)
  if (error.retryAfter !== undefined) c.header('Retry-After', String(error.retryAfter))
  return c.json(errorBody(error, createTraceId()), error.status as 400)
}

/**
 * The emulator's Hono app (no listening): usable with `app.request()` in tests.
 */
export function createApp(ctx: EmulatorContext): Hono<AppEnv> {
  // strict: false serves both `/v1/me/phone_numbers` and `/v1/me/phone_numbers/` (clerk-js uses the latter).
  const app = new Hono<AppEnv>({ strict: false })
  // clerk-js sends PATCH/DELETE as POST ?_method=… (Safari CORS workaround).
  app.use('*', methodOverride({ app, query: '_method' }))
  app.use(
    '*',
    bodyLimit({
      maxSize: ctx.config.maxBodyBytes,
      onError: () => {
        throw requestBodyTooLarge()
      },
    }),
  )
  const corsMiddleware = cors({ origin: allowOrigin(ctx), credentials: true, exposeHeaders: ['Authorization', 'Retry-After'], maxAge: 600 })
  app.use('/v1/*', corsMiddleware)
  app.use('/__dev/*', corsMiddleware)
  registerDevRoutes(app, ctx)
  registerFapiClientRoutes(app, ctx)
  registerFapiSessionRoutes(app, ctx)
  registerFapiLifecycleRoutes(app, ctx)
  registerFapiSignInRoutes(app, ctx)
  registerFapiSignUpRoutes(app, ctx)
  registerFapiMeRoutes(app, ctx)
  registerBapiUserAdminRoutes(app, ctx)
  registerBapiSessionRoutes(app, ctx)
  registerFapiBackupCodeRoutes(app, ctx)
  registerBapiRoutes(app, ctx)
  registerJwksRoutes(app, ctx)
  app.notFound((c) => errorResponse(c, resourceNotFound()))
  app.onError((error, c) => errorResponse(c, toClerkError(error, ctx)))
  return app
}
