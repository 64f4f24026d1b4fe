/**
 * A key that names one submission attempt. It is generated once, stored with the draft, and sent
 * with every retry of that attempt, so the server files one application however often the button
 * or the network repeats the request.
 */
export function newIdempotencyKey(now: number = Date.now(), random: () => number = Math.random): string {
  const part = () => Math.floor(random() * 0x100000000).toString(16).padStart(8, '0')
  return `${now.toString(16)}-${part()}-${part()}-${part()}`
}
