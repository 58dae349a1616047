import { invalid } from '../client/config.js'

/**
 * Refuses, when the flow or adapter is made, an argument lacking the methods it will call: a typed error at
 * once instead of a raw TypeError (or a flow that fails on the first click).
 *
 * @throws ValidationError `param_invalid` named `paramName`
 */
export function requireMethods(value: unknown, paramName: string, ...methods: string[]): void {
  if (!methods.every((name) => typeof (value as Record<string, unknown> | null)?.[name] == 'function')) invalid(paramName, 'param_invalid')
}
