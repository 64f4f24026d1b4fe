/**
 * DOM stand-ins for Taro's components, with the event shapes Taro gives (`e.detail.value`), so
 * pages run under jsdom and @testing-library can type, pick and tap as a user would.
 */
import type { ReactNode } from 'react'

type Props = Record<string, unknown> & { children?: ReactNode; className?: string; id?: string }

function domProps(props: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(props)) {
    if (key === 'children' || key === 'className' || key === 'style' || key === 'id' || key === 'role') out[key] = value
    else if (key.startsWith('data-') || key.startsWith('aria-')) out[key] = value
    else if (key === 'onClick') out.onClick = value
  }
  return out
}

export function View(props: Props) {
  return <div {...domProps(props)} />
}

export function Text(props: Props) {
  return <span {...domProps(props)} />
}

export function Button(props: Props) {
  const { children, disabled, openType, onAgreePrivacyAuthorization, onClick } = props as Props & {
    disabled?: boolean
    openType?: string
    onAgreePrivacyAuthorization?: () => void
    onClick?: () => void
  }
  return (
    <button
      type='button'
      id={props.id}
      className={props.className}
      disabled={Boolean(disabled)}
      data-open-type={openType}
      onClick={() => {
        if (openType === 'agreePrivacyAuthorization') onAgreePrivacyAuthorization?.()
        onClick?.()
      }}
    >
      {children}
    </button>
  )
}

export function Input(props: Props) {
  const p = props as Props & {
    value?: string
    placeholder?: string
    ariaLabel?: string
    maxlength?: number
    type?: string
    onInput?: (e: { detail: { value: string } }) => void
    onBlur?: (e: { detail: { value: string } }) => void
  }
  return (
    <input
      id={p.id}
      className={p.className}
      name={typeof p.name === 'string' ? p.name : undefined}
      value={p.value ?? ''}
      placeholder={p.placeholder}
      aria-label={p.ariaLabel}
      data-type={p.type}
      maxLength={p.maxlength && p.maxlength > 0 ? p.maxlength : undefined}
      onChange={(e) => p.onInput?.({ detail: { value: e.target.value } })}
      onBlur={(e) => p.onBlur?.({ detail: { value: e.target.value } })}
    />
  )
}

/** Selector pickers become a <select> of the range; date pickers an <input type=date>. */
export function Picker(props: Props) {
  const p = props as Props & {
    mode?: string
    range?: string[]
    value?: number | string
    onChange?: (e: { detail: { value: number | string } }) => void
  }
  if (p.mode === 'date') {
    return (
      <div data-picker='date'>
        {p.children}
        <input type='date' aria-label='选择日期' value={String(p.value ?? '')} onChange={(e) => p.onChange?.({ detail: { value: e.target.value } })} />
      </div>
    )
  }
  return (
    <div data-picker='selector'>
      {p.children}
      <select aria-label='选择' value={String(p.value ?? 0)} onChange={(e) => p.onChange?.({ detail: { value: Number(e.target.value) } })}>
        {(p.range ?? []).map((label, index) => (
          <option key={label} value={index}>
            {label}
          </option>
        ))}
      </select>
    </div>
  )
}

export function Switch(props: Props) {
  const p = props as Props & { checked?: boolean; disabled?: boolean; ariaLabel?: string; onChange?: (e: { detail: { value: boolean } }) => void }
  return (
    <input
      type='checkbox'
      role='switch'
      id={p.id}
      aria-label={p.ariaLabel}
      checked={Boolean(p.checked)}
      disabled={Boolean(p.disabled)}
      onChange={(e) => p.onChange?.({ detail: { value: e.target.checked } })}
    />
  )
}

export function Image(props: Props) {
  const p = props as Props & { src?: string; onError?: () => void }
  return <img className={p.className} src={p.src} alt='' onError={() => p.onError?.()} />
}
