import { fireEvent, render, screen } from '@testing-library/react'
import { PageShell } from '@/components/PageShell'
import { agreePrivacy, usePrivacyPromptStore } from '@/platform/privacy'
import { isCancel, scaledWidth } from '@/platform/photo-limits'
import { dialable } from '@/platform/contact'

describe('photo limits', () => {
  it('scales the long edge down to 1600 px, keeping the aspect ratio', () => {
    expect(scaledWidth(4000, 3000)).toBe(1600)
    expect(scaledWidth(3000, 4000)).toBe(1200)
    expect(scaledWidth(1200, 800)).toBe(1200)
  })

  it('reads a closed picker as a cancel, on both platforms', () => {
    expect(isCancel({ errMsg: 'chooseMedia:fail cancel' })).toBe(true)
    expect(isCancel({ error: 11, errorMessage: '用户取消操作' })).toBe(true)
    expect(isCancel({ errMsg: 'chooseMedia:fail no permission' })).toBe(false)
  })
})

describe('privacy prompt', () => {
  it('answers the waiting privacy call with the agree button’s id', () => {
    const resolver = jest.fn()
    usePrivacyPromptStore.setState({ pending: true, resolver })
    render(
      <PageShell privacy>
        <span>page</span>
      </PageShell>,
    )
    const agree = screen.getByRole('button', { name: '同意并继续' })
    expect(agree.getAttribute('data-open-type')).toBe('agreePrivacyAuthorization')
    fireEvent.click(agree)
    expect(resolver).toHaveBeenCalledWith({ event: 'agree', buttonId: 'agree-privacy' })
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('declining tells the waiting call so', () => {
    const resolver = jest.fn()
    usePrivacyPromptStore.setState({ pending: true, resolver })
    render(<PageShell privacy>x</PageShell>)
    fireEvent.click(screen.getByRole('button', { name: '不同意' }))
    expect(resolver).toHaveBeenCalledWith({ event: 'disagree' })
  })

  it('an agreement with nothing waiting does nothing', () => {
    expect(() => agreePrivacy('agree-privacy')).not.toThrow()
  })
})

describe('phone numbers', () => {
  it('dials digits only', () => {
    expect(dialable('0371-67184567')).toBe('037167184567')
  })
})
