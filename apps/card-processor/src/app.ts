/**
 * The processor's HTTP app: request log, body and key checks on `/v1/*`, the routes, and one error
 * handler that answers every failure as `{ error: { code, message } }` — no 500 with a stack trace
 * for anything a caller can send. `GET /openapi.json` serves the document generated from the same
 * zod schemas that validate the requests.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { App, ProcessorState } from './deps';
import { ApiError } from './errors';
import { authenticate, type ApiKeys, type KeyEnv } from './keys';
import { openApiConfig } from './openapi-config';
import { maskDigits, requestLog, type LogLine } from './request-log';
import { registerCharges } from './routes/charges.route';
import { registerHealth } from './routes/health.route';
import { registerPaymentMethods } from './routes/payment-methods.route';
import { registerRefunds } from './routes/refunds.route';
import { validationError } from './validation';

export const defaultMaxBodyBytes = 16 * 1024;

export interface AppOptions {
  state: ProcessorState;
  keys: ApiKeys;
  log: LogLine;
  maxBodyBytes: number;
}

const requireJson = createMiddleware(async (c, next) => {
  if (
    c.req.method === 'POST' &&
    !/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? '')
  ) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      'Send the body as JSON (Content-Type: application/json)',
    );
  }
  await next();
});

export function createApp({ state, keys, log, maxBodyBytes }: AppOptions): App {
  const app: App = new OpenAPIHono<KeyEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error, result.target);
    },
  });
  app.use(requestLog(log));
  app.use(
    '/v1/*',
    authenticate(keys),
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        throw new ApiError(
          413,
          'payload_too_large',
          `The body may be at most ${maxBodyBytes} bytes`,
        );
      },
    }),
    requireJson,
  );
  registerHealth(app);
  registerPaymentMethods(app, state);
  registerCharges(app, state);
  registerRefunds(app, state);
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'The publishable key (payment methods only) or the secret key (everything)',
  });
  const document = app.getOpenAPI31Document(openApiConfig);
  app.get('/openapi.json', (c) => c.json(document));

  app.notFound((c) =>
    c.json(
      new ApiError(404, 'not_found', `No route ${c.req.method} ${maskDigits(c.req.path)}`).toBody(),
      404,
    ),
  );
  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(error.toBody(), error.status);
    if (error instanceof HTTPException && error.status < 500) {
      // Hono's own refusals, e.g. "Malformed JSON in request body" from the JSON validator.
      return c.json(
        new ApiError(error.status, 'invalid_request', error.message).toBody(),
        error.status,
      );
    }
    log(
      `unexpected error: ${maskDigits(error instanceof Error ? `${error.name}: ${error.message}` : String(error))}`,
    );
    return c.json(
      new ApiError(500, 'internal_error', 'The card processor failed unexpectedly').toBody(),
      500,
    );
  });
  return app;
}
