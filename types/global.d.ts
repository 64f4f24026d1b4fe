/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.jpg'
declare module '*.svg'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    /** The target being built; written in full (`process.env.TARO_ENV === 'weapp'`) so dead branches drop out. */
    TARO_ENV: 'weapp' | 'alipay' | 'h5'
    TARO_APP_ID?: string
    /** The API base for the mini-programs (an absolute https URL in a release). */
    TARO_APP_API_BASE?: string
    /** The API base for H5, which is served by the API itself (same origin). */
    TARO_APP_H5_API_BASE?: string
    /** Up to 3 WeChat subscription-message template ids, comma-separated. */
    TARO_APP_WEAPP_SUBSCRIBE_TEMPLATES?: string
    /** Alipay subscription-message template ids, comma-separated. */
    TARO_APP_ALIPAY_SUBSCRIBE_TEMPLATES?: string
  }
}
