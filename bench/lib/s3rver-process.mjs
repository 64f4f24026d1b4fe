// An s3rver (the S3-compatible store the tests use) in a process of its own, forked by
// bench/lib/cluster.mjs. Arguments: <directory> <bucket>. Sends {port} over IPC once it listens.
import { createRequire } from 'node:module'

const S3rver = createRequire(import.meta.url)('s3rver')
const [directory, bucket] = process.argv.slice(2)
const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: bucket }] })
const { port } = await server.run()
process.send({ port })
const stop = () => void server.close().finally(() => process.exit(0))
process.on('disconnect', stop)
process.on('SIGTERM', stop)
