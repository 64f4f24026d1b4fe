/**
 * The short sound of a new request (Web Audio API: no audio file to load), and the switch that
 * turns it off, remembered in localStorage per browser.
 */

export const SOUND_STORAGE_KEY = 'zhihui.console.talent-sound'

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>

const storage = (): StorageLike | undefined => {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage
  } catch {
    return undefined
  }
}

/** On unless turned off before. */
export function readSoundOn(store: StorageLike | undefined = storage()): boolean {
  try {
    return store?.getItem(SOUND_STORAGE_KEY) !== 'off'
  } catch {
    return true
  }
}

export function writeSoundOn(on: boolean, store: StorageLike | undefined = storage()): void {
  try {
    store?.setItem(SOUND_STORAGE_KEY, on ? 'on' : 'off')
  } catch {
    // Private mode or full storage: the switch still works for this page.
  }
}

/** Whether a new arrival should sound. */
export const shouldBeep = (soundOn: boolean, arrivalsBefore: number, arrivalsNow: number): boolean => soundOn && arrivalsNow > arrivalsBefore

type AudioContextCtor = new () => AudioContext

let context: AudioContext | undefined

function audioContext(): AudioContext | undefined {
  if (context) return context
  const w = window as unknown as { AudioContext?: AudioContextCtor; webkitAudioContext?: AudioContextCtor }
  const Ctor = w.AudioContext ?? w.webkitAudioContext
  if (!Ctor) return undefined
  try {
    context = new Ctor()
  } catch {
    return undefined
  }
  return context
}

/**
 * Browsers start audio only after a user gesture: the page calls this on the first click or key
 * (and when the switch is turned on), so a later beep may sound.
 */
export function unlockAudio(): void {
  const ctx = audioContext()
  if (ctx && ctx.state === 'suspended') void ctx.resume().catch(() => undefined)
}

/** Two short tones (880 Hz, then 1175 Hz), quiet, about 0.35 s. */
export function beep(): void {
  const ctx = audioContext()
  if (!ctx) return
  try {
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined)
    const start = ctx.currentTime
    ;[880, 1175].forEach((frequency, i) => {
      const oscillator = ctx.createOscillator()
      const gain = ctx.createGain()
      oscillator.type = 'sine'
      oscillator.frequency.value = frequency
      const t = start + i * 0.18
      gain.gain.setValueAtTime(0.0001, t)
      gain.gain.exponentialRampToValueAtTime(0.2, t + 0.02)
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.16)
      oscillator.connect(gain).connect(ctx.destination)
      oscillator.start(t)
      oscillator.stop(t + 0.17)
    })
  } catch {
    // No sound is no failure: the pop-up is the message.
  }
}
