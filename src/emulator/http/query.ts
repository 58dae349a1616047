import type { Context } from 'hono'
import { formParamTypeInvalid, formParamValueInvalid } from '../errors.js'

/** A repeatable query parameter (`?user_id=a&user_id=b`); absent → undefined. */
export function queryList(c: Context, name: string): string[] | undefined {
  const values = c.req.queries(name)
  return values && values.length > 0 ? values : undefined
}

/** An integer query parameter within `[min, max]`; absent → `fallback`, anything else is 422. */
export function queryInteger(c: Context, name: string, fallback: number, min: number, max: number): number {
  const raw = c.req.query(name)
  if (raw === undefined || raw === '') return fallback
  if (!/^-?\d+$/.test(raw)) throw formParamTypeInvalid(name)
  const value = Number(raw)
  if (value < min || value > max) throw formParamValueInvalid(name)
  return value
}

/** Clerk's list paging: `limit` 1..500 (default 10) and `offset` ≥ 0 (default 0). */
export function queryPage(c: Context): { limit: number; offset: number } {
  return { limit: queryInteger(c, 'limit', 10, 1, 500), offset: queryInteger(c, 'offset', 0, 0, Number.MAX_SAFE_INTEGER) }
}
