import { Text } from '@tarojs/components'
import { AppButton } from '../AppButton'
import { ConsentNotice, type ConsentText } from '../ConsentNotice'
import { openPrivacyContract } from '@/platform'

interface Props {
  text: ConsentText
  /** Element ids: the tick box, and the button that goes on (tests and e2e journeys use them). */
  tickId: string
  continueId: string
  consented: boolean
  setConsented: (checked: boolean) => void
  onContinue: () => void
  /** The platform privacy policy still to be agreed to, if the platform names one. */
  platformPolicy?: string
}

/** The consent step before a form that collects personal information: the notice, a tick, and 同意并继续. */
export function ConsentStep({ text, tickId, continueId, consented, setConsented, onContinue, platformPolicy }: Props) {
  return (
    <>
      <ConsentNotice
        text={text}
        tickId={tickId}
        checked={consented}
        onToggle={setConsented}
        platformPolicy={platformPolicy}
        onOpenPlatformPolicy={() => openPrivacyContract()}
      />
      <AppButton id={continueId} onClick={onContinue} disabled={!consented}>
        同意并继续
      </AppButton>
      {!consented ? <Text className='muted'>勾选同意后才能继续。</Text> : null}
    </>
  )
}
