import { DialkitError } from './dialkit-error.js'

/** Why dialkit refused an input before sending anything. @example if (error.code === 'code_invalid') focus(codeInput) */
export type ValidationErrorCode =
  | 'phone_number_invalid'
  | 'code_invalid'
  | 'resource_destroyed'
  | 'config_invalid'
  | 'publishable_key_invalid'
  | 'param_invalid'
  | 'json_invalid'

/**
 * An input was refused before any request was sent.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (isValidationError(error) && error.paramName === 'phone_number') showFieldError(error.message)
 * }
 * ```
 */
export class ValidationError extends DialkitError {
  /** Always `'ValidationError'`. */
  override name = 'ValidationError' as const
  /** What was refused, e.g. `phone_number_invalid`. */
  declare readonly code: ValidationErrorCode
  /** The input the error is about, in snake_case like the server's `param_name`. */
  declare readonly paramName: string | undefined

  constructor(code: ValidationErrorCode, message: string, options?: { paramName?: string; cause?: unknown }) {
    super(message, { cause: options?.cause })
    this.code = code
    this.paramName = options?.paramName
  }
}
