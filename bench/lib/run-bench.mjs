/**
 * Runs a bench's `main` (which answers its exit code), then its clean-up steps whatever happened,
 * and exits: with main's code, or 1 when it threw. `cleanups` may still grow while main runs (each
 * thing started pushes how to stop it); a failing step is reported and the others still run.
 */
export function runBench(main, cleanups) {
  const cleanup = async () => {
    for (const step of cleanups) await step().catch((error) => console.error(`cleanup: ${error.message}`))
  }
  main().then(
    async (code) => {
      await cleanup()
      process.exit(code)
    },
    async (error) => {
      console.error(error)
      await cleanup()
      process.exit(1)
    },
  )
}
