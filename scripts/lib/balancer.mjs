// A tiny round-robin HTTP balancer in front of several API instances (npm run start:cluster), in
// plain node:http: enough to try the product on several instances, and to watch one be stopped.
//
// - Round robin over the instances whose /readyz answered 200 at the last check (every second);
//   when none did, over all of them (an error from an instance beats one from here).
// - Request bodies are read whole first (at most 8 MB: a 5 MB photo and its form), so a request
//   can be sent again to the next instance when the first one refused the connection (stopped, or
//   stopping) or dropped a reused keep-alive connection before answering. Only then: a request an
//   instance may have started on is never sent twice, except idempotent ones (GET, HEAD, PUT,
//   DELETE, OPTIONS, and POSTs with an Idempotency-Key), which also go on to the next instance when
//   one answers 503 (a stopping instance does, on connections it still had open).
// - Responses are streamed back as they come (the console's server-sent events work through it).
// - X-Forwarded-For / -Proto / -Host are set. The instances do not trust them (the server has no
//   trusted-proxy setting), so their per-address rate limits see every client as this balancer.
import { Agent, createServer, request } from 'node:http'

const MAX_BODY = 8 * 1024 * 1024
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'])
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']

export function createBalancer(log = (line) => console.log(line)) {
  /** @type {{ name: string, url: URL, agent: Agent, ready: boolean }[]} */
  const backends = []
  let next = 0
  let checker

  function pick(tried) {
    const ready = backends.filter((b) => b.ready && !tried.has(b))
    const pool = ready.length > 0 ? ready : backends.filter((b) => !tried.has(b))
    if (pool.length === 0) return undefined
    next = (next + 1) % pool.length
    return pool[next]
  }

  async function check(backend) {
    const was = backend.ready
    try {
      const response = await fetch(new URL('/readyz', backend.url), { signal: AbortSignal.timeout(1_500) })
      backend.ready = response.status === 200
      await response.arrayBuffer()
    } catch {
      backend.ready = false
    }
    if (was !== backend.ready) log(`均衡器：${backend.name}（${backend.url.host}）${backend.ready ? '已就绪' : '未就绪，暂不分配请求'}`)
  }

  function forward(backend, req, body, res, onRetry, canRetry) {
    const safe = IDEMPOTENT.has(req.method ?? '') || req.headers['idempotency-key'] !== undefined
    const headers = { ...req.headers }
    for (const name of HOP_BY_HOP) delete headers[name]
    headers['content-length'] = String(body.length)
    headers['x-forwarded-for'] = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ')
    headers['x-forwarded-proto'] = 'http'
    headers['x-forwarded-host'] = req.headers.host ?? ''
    const upstream = request({
      host: backend.url.hostname,
      port: backend.url.port,
      method: req.method,
      path: req.url,
      headers,
      agent: backend.agent,
    })
    upstream.on('response', (answer) => {
      // A stopping instance answers 503 on connections it still had open: a safe request goes on
      // to another instance instead of failing.
      if (answer.statusCode === 503 && safe && canRetry()) {
        backend.ready = false
        answer.resume()
        onRetry()
        return
      }
      const out = { ...answer.headers }
      for (const name of HOP_BY_HOP) delete out[name]
      res.writeHead(answer.statusCode ?? 502, out)
      res.flushHeaders()
      answer.pipe(res)
      answer.on('error', () => res.destroy())
    })
    upstream.on('error', (error) => {
      if (res.headersSent) {
        res.destroy()
        return
      }
      const refused = error.code === 'ECONNREFUSED'
      const droppedReused = upstream.reusedSocket && (error.code === 'ECONNRESET' || error.message === 'socket hang up')
      if (refused) backend.ready = false
      if (refused || (droppedReused && safe)) onRetry(error)
      else fail(res, 502, `实例 ${backend.name} 没有应答（${error.code ?? error.message}）`)
    })
    // The client went away: so does the request to the instance.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy()
    })
    upstream.end(body)
  }

  const server = createServer((req, res) => {
    const chunks = []
    let size = 0
    req.on('data', (chunk) => {
      size += chunk.length
      if (size > MAX_BODY) {
        fail(res, 413, '请求内容太大。')
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (res.headersSent || res.writableEnded) return
      const body = Buffer.concat(chunks)
      const tried = new Set()
      const attempt = () => {
        const backend = pick(tried)
        if (backend === undefined) {
          fail(res, 503, '没有可用的 API 实例。')
          return
        }
        tried.add(backend)
        forward(backend, req, body, res, attempt, () => backends.some((b) => !tried.has(b)))
      }
      attempt()
    })
  })
  // Clients' idle connections are kept 65 s (nginx keeps them 75 s) rather than Node's 5 s: on a
  // loaded machine a client about to reuse a connection at 5 s races the balancer closing it, and
  // the request fails with EPIPE/ECONNRESET before it reached anyone.
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000

  return {
    server,
    /** Adds an instance; checked at once and every second after. */
    add(name, origin) {
      const backend = { name, url: new URL(origin), agent: new Agent({ keepAlive: true, maxSockets: 256 }), ready: false }
      backends.push(backend)
      void check(backend)
      if (checker === undefined) {
        checker = setInterval(() => backends.forEach((b) => void check(b)), 1_000)
        checker.unref()
      }
    },
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => resolve(server.address()))
      })
    },
    async close() {
      clearInterval(checker)
      for (const backend of backends) backend.agent.destroy()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(() => resolve()))
    },
  }
}

function fail(res, status, message) {
  if (res.headersSent) {
    res.destroy()
    return
  }
  const body = JSON.stringify({ error: { code: status === 413 ? 'TOO_LARGE' : 'BAD_GATEWAY', message } })
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), connection: 'close' })
  res.end(body)
}
