/** `GET /health`: up and answering (nothing else to check: the processor keeps nothing outside memory). */
import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../deps';

export const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Liveness',
  responses: {
    200: {
      description: 'The processor is up',
      content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } },
    },
  },
});

export function registerHealth(app: App): void {
  app.openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200));
}
