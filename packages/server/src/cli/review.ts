/** `npm run review -w @zhihui/server -- <command>`: reads the same environment as the server. */
import { ConfigError, loadConfig } from '../config'
import { createContext } from '../context'
import { runReviewCommand } from './review-commands'

async function main(): Promise<number> {
  const ctx = await createContext(loadConfig())
  try {
    return await runReviewCommand(process.argv.slice(2), ctx, (line) => console.log(line))
  } finally {
    await ctx.close()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? `配置错误：${error.message}` : error)
    process.exit(1)
  },
)
