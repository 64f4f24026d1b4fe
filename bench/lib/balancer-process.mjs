// The balancer of scripts/lib/balancer.mjs in a process of its own (forked by bench/lib/cluster.mjs),
// so the load generator and the balancer do not share one event loop. Arguments: name=origin ...
// Sends {port} over IPC once listening; its own log lines (instances ready / not ready) go to stdout.
import { createBalancer } from '../../scripts/lib/balancer.mjs'

const balancer = createBalancer((line) => console.log(`[balancer ${new Date().toISOString().slice(11, 23)}] ${line}`))
for (const arg of process.argv.slice(2)) {
  const at = arg.indexOf('=')
  balancer.add(arg.slice(0, at), arg.slice(at + 1))
}
const { port } = await balancer.listen(0, '127.0.0.1')
process.send({ port })
process.on('disconnect', () => void balancer.close().finally(() => process.exit(0)))
process.on('SIGTERM', () => void balancer.close().finally(() => process.exit(0)))
