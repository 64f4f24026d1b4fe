/**
 * The one error type services throw. Routes never build error bodies themselves: the app's error
 * handler turns an AppError into `{error: {code, message, field?}, ...extra}` with its status, and
 * the review CLI prints its message. `message` is Chinese and tells the reader what to do.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Extra top-level members of the error body, e.g. `errors` listing every problem. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export const notFound = (message = '没有找到相应的内容。'): AppError => new AppError(404, 'NOT_FOUND', message)
export const conflict = (code: string, message: string): AppError => new AppError(409, code, message)
export const invalid = (field: string, message: string, code = 'VALIDATION'): AppError =>
  new AppError(422, code, message, field)
export const unauthorized = (message = '请先登录后再操作。'): AppError => new AppError(401, 'UNAUTHORIZED', message)
