import { fireEvent, within } from '@testing-library/react'

/** The block of one form field (FormField marks it with data-field). */
export function field(name: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`[data-field="${name}"]`)
  if (!element) throw new Error(`no field ${name}`)
  return element
}

export function fieldError(name: string): string | undefined {
  return within(field(name)).queryByRole('alert')?.textContent ?? undefined
}

export function typeInto(name: string, value: string, blur = true): void {
  const input = within(field(name)).getByRole('textbox')
  fireEvent.change(input, { target: { value } })
  if (blur) fireEvent.blur(input)
}

export function pickOption(name: string, label: string): void {
  const select = within(field(name)).getByRole('combobox') as HTMLSelectElement
  const option = [...select.options].find((o) => o.textContent === label)
  if (!option) throw new Error(`no option ${label} in ${name}`)
  fireEvent.change(select, { target: { value: option.value } })
}

export function pickDate(name: string, date: string): void {
  const input = field(name).querySelector('input[type="date"]')
  if (!input) throw new Error(`no date input in ${name}`)
  fireEvent.change(input, { target: { value: date } })
}

export function inputValue(name: string): string {
  return (within(field(name)).getByRole('textbox') as HTMLInputElement).value
}
