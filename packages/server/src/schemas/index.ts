/** Registers the shared schemas (those with an `$id`) on the root instance, before any route refers to them. */
import type { FastifyInstance } from 'fastify'
import { registerApplicationSchemas } from './application'
import { ErrorSchema } from './common'
import { registerPaymentSchemas } from './payments'
import { registerStaffSchemas } from './staff'
import { registerTalentSchemas } from './talent'

export function registerSharedSchemas(app: FastifyInstance): void {
  app.addSchema(ErrorSchema)
  registerApplicationSchemas(app)
  registerStaffSchemas(app)
  registerPaymentSchemas(app)
  registerTalentSchemas(app)
}
