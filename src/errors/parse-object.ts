/** JSON text that holds an object (an array included, as BAPI lists are), else `undefined`. */
export function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return value && typeof value == 'object' ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}
