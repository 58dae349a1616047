import type { Context } from 'hono'
import * as v from 'valibot'
import {
  ClerkHttpError,
  formParamMissing,
  formParamTypeInvalid,
  formParamUnknown,
  formParamValueInvalid,
  requestBodyInvalid,
} from '../errors.js'

/** A decoded FAPI form: `key=` is `null` (Clerk's encoding of null), repeated keys become arrays. */
export type FormFields = Record<string, string | null | (string | null)[]>

// Transport params clerk-js and other clients add; accepted anywhere and ignored (fact sheet §9).
const IGNORED = new Set([
  '_method',
  '_clerk_session_id',
  '__clerk_api_version',
  '_clerk_js_version',
  '_clerk_retry_attempt',
  '__clerk_db_jwt',
  '__dev_session',
  '__domain',
  '_is_native',
  'rotating_token_nonce',
  'proof_token',
  'channel',
])

function addField(fields: FormFields, key: string, value: string | null): void {
  if (IGNORED.has(key)) return
  const previous = fields[key]
  if (previous === undefined) fields[key] = value
  else fields[key] = [...(Array.isArray(previous) ? previous : [previous]), value]
}

function jsonScalar(key: string, value: unknown): string | null {
  if (value === null) return null
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  throw formParamTypeInvalid(key)
}

/** Reads a FAPI body: form-urlencoded (what clerk-js sends), multipart, or a flat JSON object. */
export async function readForm(c: Context): Promise<FormFields> {
  const type = c.req.header('content-type')?.toLowerCase() ?? ''
  const fields: FormFields = Object.create(null) as FormFields
  if (type.startsWith('multipart/form-data')) {
    const data = await c.req.formData().catch(() => {
      throw requestBodyInvalid()
    })
    for (const [key, value] of data) addField(fields, key, typeof value === 'string' ? (value === '' ? null : value) : jsonScalar(key, {}))
    return fields
  }
  const text = await c.req.text()
  if (type.startsWith('application/json')) {
    const parsed = parseJsonObject(text)
    for (const [key, value] of Object.entries(parsed)) addField(fields, key, jsonScalar(key, value))
    return fields
  }
  for (const [key, value] of new URLSearchParams(text)) addField(fields, key, value === '' ? null : value)
  return fields
}

function parseJsonObject(text: string): Record<string, unknown> {
  if (text.trim() === '') return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw requestBodyInvalid()
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw requestBodyInvalid()
  return parsed as Record<string, unknown>
}

/** Reads a BAPI JSON body (empty body = `{}`); anything but a JSON object is 400. */
export async function readJson(c: Context): Promise<Record<string, unknown>> {
  return parseJsonObject(await c.req.text())
}

function issueToError(issue: v.BaseIssue<unknown>): ClerkHttpError {
  const key = issue.path?.map((item) => String(item.key)).join('.') ?? 'body'
  const param = issue.path?.[0] ? String(issue.path[0].key) : key
  if (issue.type === 'strict_object' && issue.expected === 'never') return formParamUnknown(param)
  if (issue.received === 'undefined') return formParamMissing(param)
  if (issue.type === 'picklist' || issue.type === 'literal') return formParamValueInvalid(param)
  return formParamTypeInvalid(param)
}

/** Validates input against a valibot schema, mapping the first issue to Clerk's form errors. */
export function validate<TSchema extends v.GenericSchema>(schema: TSchema, input: unknown): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, input, { abortEarly: true })
  if (!result.success) throw issueToError(result.issues[0]!)
  return result.output
}

/** Form boolean: `true`/`false`; `key=` (null) means "not given". */
export const formBoolean = v.optional(v.nullable(v.pipe(v.picklist(['true', 'false']), v.transform((value) => value === 'true'))))
/** A single required form string. */
export const formString = v.string()
