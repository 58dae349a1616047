/** `primaryPhoneNumberId` → `primary_phone_number_id`, the way Clerk's encoder does it. */
export function camelToSnake(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)
}

/**
 * Encodes a body the way the Frontend API expects: form-urlencoded, snake_case keys, `undefined` dropped,
 * `null` sent empty, booleans as `true`/`false`, arrays as repeated keys, objects as JSON.
 */
export function encodeForm(body: Record<string, unknown>): URLSearchParams {
  const form = new URLSearchParams()
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue
    const name = camelToSnake(key)
    for (const item of Array.isArray(value) ? value : [value]) form.append(name, encodeValue(item))
  }
  return form
}

function encodeValue(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}
