// Validates emulator responses against the response schemas of Clerk's OpenAPI 3.0 specs.
import { existsSync, readFileSync } from 'node:fs'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { parse } from 'yaml'

/**
 * The specs live in the workspace's `shared/` folder, a sibling of the repository, or of the folder that
 * holds git worktrees of it (`wt/<name>`): the nearest ancestor that has one wins.
 */
function findSpecDir(): URL {
  for (let up = '../../../'; up.length < 40; up += '../') {
    const dir = new URL(`${up}shared/clerk-openapi/`, import.meta.url)
    if (existsSync(dir)) return dir
  }
  throw new Error('Clerk OpenAPI specs not found: expected shared/clerk-openapi/ next to the repository or above it')
}
const SPEC_DIR = findSpecDir()
export type SpecName = 'fapi' | 'bapi'

type Json = unknown

/**
 * OpenAPI 3.0 `nullable: true` means "this schema or null". Ajv's own `nullable` support only widens
 * `type`, which still fails a null against `oneOf`/`allOf`, so rewrite it as `anyOf [schema, null]`.
 * `discriminator` is dropped: `oneOf` already decides, and Ajv's discriminator mode is stricter than 3.0.
 */
function convert(node: Json): Json {
  if (Array.isArray(node)) return node.map(convert)
  if (typeof node !== 'object' || node === null) return node
  const out: Record<string, Json> = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === 'discriminator' || key === 'example' || key === 'examples') continue
    out[key] = key === 'properties' ? Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, convert(v)])) : convert(value)
  }
  if (out.nullable === true) {
    delete out.nullable
    return { anyOf: [out, { type: 'null' }] }
  }
  delete out.nullable
  return out
}

/** Points an inline schema's local `#/components/…` refs at the named spec added to Ajv. */
function rebase(node: Json, name: SpecName): Json {
  if (Array.isArray(node)) return node.map((item) => rebase(item, name))
  if (typeof node !== 'object' || node === null) return node
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, key === '$ref' && typeof value === 'string' ? `${name}${value}` : rebase(value, name)]),
  )
}

interface ResponseObject {
  $ref?: string
  content?: Record<string, { schema: Json }>
}

interface Spec {
  doc: {
    paths: Record<string, Record<string, { responses: Record<string, ResponseObject> }>>
    components: { responses: Record<string, ResponseObject> }
  }
  ajv: Ajv
}

const specs = new Map<SpecName, Spec>()

function load(name: SpecName): Spec {
  const cached = specs.get(name)
  if (cached) return cached
  const doc = parse(readFileSync(new URL(`${name}-2026-05-12.yml`, SPEC_DIR), 'utf8')) as Spec['doc']
  const ajv = new Ajv({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema({ $id: name, components: convert(doc.components) as object })
  const spec = { doc, ajv }
  specs.set(name, spec)
  return spec
}

const compiled = new Map<string, ValidateFunction>()

/** The compiled validator for one documented response, e.g. `('fapi', '/v1/me', 'get', 200)`. */
export function responseValidator(name: SpecName, path: string, method: string, status: number): ValidateFunction {
  const key = `${name} ${method} ${path} ${status}`
  const hit = compiled.get(key)
  if (hit) return hit
  const { doc, ajv } = load(name)
  const operation = doc.paths[path]?.[method.toLowerCase()]
  if (!operation) throw new Error(`${name}: no operation ${method} ${path}`)
  let response = operation.responses[String(status)]
  if (!response) throw new Error(`${name}: ${method} ${path} documents no ${status} response`)
  if (response.$ref) response = doc.components.responses[response.$ref.split('/').pop()!]!
  const schema = response.content?.['application/json']?.schema as { $ref?: string } | undefined
  if (!schema) throw new Error(`${name}: ${method} ${path} ${status} has no JSON schema`)
  // Most responses name a component; a few (POST …/tokens) describe their body inline.
  const validate = ajv.compile(schema.$ref ? { $ref: `${name}${schema.$ref}` } : (rebase(convert(schema), name) as object))
  compiled.set(key, validate)
  return validate
}

/** Throws with Ajv's messages when `body` does not match the documented response. */
export function assertMatchesSpec(name: SpecName, path: string, method: string, status: number, body: unknown): void {
  const validate = responseValidator(name, path, method, status)
  if (!validate(body)) {
    const details = (validate.errors ?? []).slice(0, 8).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`)
    throw new Error(`${method.toUpperCase()} ${path} ${status} does not match the ${name} spec:\n${details.join('\n')}`)
  }
}
