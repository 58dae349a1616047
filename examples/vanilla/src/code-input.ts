/**
 * The code in whatever landed in the code field: typed digits, a grouped code (`566 757`, `566-757`) or a
 * whole pasted SMS. The field has no `maxlength` on purpose: the browser would cut a paste to six characters
 * before this runs, so `566 757` would arrive as `56675` and a pasted SMS as its first words.
 */
export function extractCode(text: string): string {
  const digits = text.replace(/\D/g, '')
  if (digits.length <= 6) return digits
  // An SMS in the WebOTP format ends with "@origin #123456": that line names the code for sure.
  const bound = /#(\d{6})(?!\d)/.exec(text)
  if (bound?.[1]) return bound[1]
  const grouped = /(?<!\d)(\d{3})[ -]?(\d{3})(?!\d)/.exec(text)
  if (grouped?.[1] && grouped[2]) return grouped[1] + grouped[2]
  return digits.slice(0, 6)
}

/** Clerk's test numbers, `+1 XXX 555-0100` to `555-0199`: the emulator texts nothing and takes 424242. */
export function isTestNumber(e164: string): boolean {
  return /^\+1\d{3}55501\d{2}$/.test(e164)
}

export const TEST_CODE = '424242'
