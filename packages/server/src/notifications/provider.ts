/**
 * The contract between the job worker (jobs/) and the providers that deliver outbound messages
 * (providers/): Aliyun SMS, WeChat subscription messages, Alipay template messages, and the
 * development outbox. The worker owns retries and bookkeeping; a provider only sends once and
 * says how it went.
 */

/** sms: a mobile number; wechat: the applicant's openid; alipay: the applicant's Alipay user id. */
export type Channel = 'sms' | 'wechat' | 'alipay'

/**
 * What a message announces. Providers map a kind to their registered template (SMS template
 * code, WeChat/Alipay template id): the providers only send texts registered with them.
 */
export type MessageKind =
  | 'rejection'
  | 'notice'
  | 'objection'
  | 'payment'
  | 'stop'
  | 'resume'
  | 'talent-request'
  | 'talent-answer'

export interface OutboundMessage {
  /** Stable across attempts: the idempotency key a provider sees (e.g. Aliyun's SignatureNonce / OutId). */
  id: string
  channel: Channel
  recipient: string
  kind: MessageKind
  /** The template's variables, short strings (application number, dates, amount...). */
  params: Record<string, string>
  /** The whole text as the applicant reads it (the development outbox stores it; SMS templates render it). */
  text: string
  /** Mini-program page a subscription message opens. */
  page?: string
  /** 1 on the first try. */
  attempt: number
}

export interface SendResult {
  /** The provider's id for the delivery (BizId, msgid...), kept for support calls. */
  providerMessageId?: string
  /** The provider recognised the idempotency key: it had already accepted this message. */
  duplicate?: boolean
}

/**
 * A failed send. `retryable`: network errors, timeouts, 5xx, throttling: try again later.
 * Not retryable: bad credentials, unknown template, a refused recipient: fails for good and is
 * shown in the console.
 */
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly code?: string,
  ) {
    super(message)
    this.name = 'ProviderError'
  }
}

export interface MessageProvider {
  readonly channel: Channel
  /** For logs and the console: 'aliyun-sms', 'wechat-subscribe', 'alipay-template', 'dev-outbox'. */
  readonly name: string
  /**
   * Whether a repeated send with the same message id is recognised by the provider (so a retry
   * after a crash between send and acknowledge cannot deliver twice). Without it the worker does
   * not resend a message whose outcome is unknown: it fails it for a person to decide.
   */
  readonly idempotent: boolean
  send(message: OutboundMessage): Promise<SendResult>
}
