/** A one-line outcome of the last action. */
export interface Notice {
  tone: 'success' | 'error'
  text: string
}

/**
 * Where outcomes appear: in the page's flow above the list (never floating over an input), in a live region
 * that exists before its text changes so screen readers announce it.
 */
export function NoticeLine({ notice }: { notice: Notice | null }) {
  return (
    <p role="status" className={`notice${notice ? ` notice--${notice.tone}` : ''}`} data-testid="notice">
      {notice?.text ?? ''}
    </p>
  )
}
