/** The part of `document` the catch-up reload watches. */
export interface VisibilitySource {
  readonly visibilityState: string
  addEventListener(type: 'visibilitychange', listener: () => void): void
  removeEventListener(type: 'visibilitychange', listener: () => void): void
}

/**
 * Calls `onReturn` once each time the page becomes visible after being hidden (as TanStack Query refetches
 * on window focus), not on every visibilitychange; returns the stop function. No document, nothing to watch.
 */
export function watchVisibility(doc: VisibilitySource | undefined, onReturn: () => void): () => void {
  if (!doc) return () => undefined
  let hidden = doc.visibilityState === 'hidden'
  const listener = () => {
    if (doc.visibilityState === 'hidden') hidden = true
    else if (hidden) {
      hidden = false
      onReturn()
    }
  }
  doc.addEventListener('visibilitychange', listener)
  return () => doc.removeEventListener('visibilitychange', listener)
}
