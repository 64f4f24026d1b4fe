/**
 * jsdom without the Fetch API classes: react-router's data router builds a Request for every
 * navigation. Node's own Request, Response, Headers and AbortController serve (fetch itself stays
 * out: every test answers through support/fake-api.ts).
 */
const { TestEnvironment } = require('jest-environment-jsdom')

module.exports = class ConsoleEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context)
    Object.assign(this.global, { Request, Response, Headers, AbortController, AbortSignal, TextEncoder, TextDecoder })
  }
}
