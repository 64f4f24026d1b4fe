/** Makes the context (database, services, clock, configuration) available to every plugin and route. */
import fp from 'fastify-plugin'
import type { AppContext } from '../../context'
import type { Services } from '../../services'

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext
    services: Services
  }
}

export default fp<{ ctx: AppContext }>(
  async (app, { ctx }) => {
    app.decorate('ctx', ctx)
    app.decorate('services', ctx.services)
    app.addHook('onClose', async () => ctx.close())
  },
  { name: 'context' },
)
