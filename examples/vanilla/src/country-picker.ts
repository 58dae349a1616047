import type { CountryOption } from './countries.js'
import { h } from './dom.js'

export interface CountryPicker {
  /** The search box and the select, for the form to lay out. */
  readonly field: HTMLElement
  readonly select: HTMLSelectElement
  /** Selects `code` (from a pasted `+44 …`) and tells the form, as a person's choice would. */
  choose(code: string): void
  onChange(listener: (code: string) => void): void
}

/**
 * A native select (keyboard, screen readers and phones already know it) with a search box above it: 245
 * countries are too many to scroll. The search matches names, ISO codes and calling codes (`ger`, `DE`, `+49`),
 * narrows the options, and picks the country when only one is left. `id` is the select's (the search box's is
 * `${id}-search`), so two forms on one page each have their own.
 */
export function createCountryPicker(countries: readonly CountryOption[], initial: string, id: string): CountryPicker {
  const search = h('input', {
    id: `${id}-search`, type: 'search', class: 'country-search', 'data-testid': `${id}-search`,
    placeholder: 'Search countries', 'aria-label': 'Search countries', 'aria-controls': id, autocomplete: 'off',
  })
  const select = h('select', { id, name: 'country', 'data-testid': id, autocomplete: 'tel-country-code' })
  const listeners: Array<(code: string) => void> = []
  const changed = () => listeners.forEach((listener) => listener(select.value))

  function showOptions(query: string) {
    const current = select.value || initial
    const matches = countries.filter((country) => matchesCountry(country, query))
    const shown = matches.length ? matches : countries
    select.replaceChildren(...shown.map((c) => h('option', { value: c.code, selected: c.code === current }, c.label)))
    if (matches.length === 1 && matches[0]!.code !== current) {
      select.value = matches[0]!.code
      changed()
    }
  }

  search.addEventListener('input', () => showOptions(search.value))
  select.addEventListener('change', changed)
  showOptions('')
  select.value = initial

  return {
    field: h('div', { class: 'country-picker' }, search, select),
    select,
    choose(code) {
      if (code === select.value || !countries.some((c) => c.code === code)) return
      search.value = ''
      showOptions('')
      select.value = code
      changed()
    },
    onChange: (listener) => void listeners.push(listener),
  }
}

function matchesCountry(country: CountryOption, query: string): boolean {
  const q = query.trim().toLowerCase()
  if (!q) return true
  if (/^\+?\d+$/.test(q)) return country.callingCode === q.replace('+', '')
  return country.code.toLowerCase() === q || country.name.toLowerCase().includes(q)
}
