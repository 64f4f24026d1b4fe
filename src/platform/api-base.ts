/**
 * Where the API lives. H5 is served by the API server itself, so it calls the same origin; the
 * mini-programs call the domain from the Taro env file of the build mode (.env.*).
 */
export const API_BASE: string =
  process.env.TARO_ENV === 'h5'
    ? process.env.TARO_APP_H5_API_BASE || '/api/v1'
    : process.env.TARO_APP_API_BASE || 'http://127.0.0.1:8787/api/v1'
