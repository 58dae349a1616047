import { required } from './dom.js'

export type Tone = 'info' | 'success' | 'error'

let hideTimer: ReturnType<typeof setTimeout> | undefined

/** Speaks through the page's one polite live region and shows it as a toast. */
export function announce(message: string, tone: Tone = 'info'): void {
  const region = required(document, '[data-testid="status"]')
  region.textContent = message
  region.dataset['tone'] = tone
  region.classList.add('toast--visible')
  clearTimeout(hideTimer)
  hideTimer = setTimeout(() => region.classList.remove('toast--visible'), tone === 'error' ? 8000 : 4000)
}
