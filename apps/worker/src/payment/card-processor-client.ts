/**
 * The card processor's HTTP API as the payment context uses it (`POST /v1/charges`,
 * `POST /v1/refunds`, secret key). Each call carries an idempotency key derived from the order —
 * `charge:<orderId>`, `refund:<orderId>` — so asking again after a crash or a lost answer returns
 * the first answer instead of moving money twice.
 *
 * Failures come in two kinds, told apart by `retryable`: the processor could not be reached, did
 * not answer in time, or failed on its side (network, timeout, 408/429/5xx, a garbled answer) —
 * ask again later; or it refused the request (any other 4xx), which asking again cannot change —
 * the error carries the processor's code and message.
 */
import { z } from 'zod';

export interface ChargeRequest {
  orderId: string;
  paymentMethodId: string;
  /** Integer minor units. */
  amount: number;
  currency: string;
}

const chargeAnswer = z.object({
  id: z.string().min(1),
  status: z.enum(['approved', 'declined']),
  amount: z.number().int().positive(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  last4: z.string().regex(/^\d{4}$/),
  declineCode: z.string().min(1).optional(),
  declineMessage: z.string().min(1).optional(),
});
export type ChargeAnswer = z.infer<typeof chargeAnswer>;

const refundAnswer = z.object({
  id: z.string().min(1),
  chargeId: z.string().min(1),
  amount: z.number().int().positive(),
  status: z.literal('succeeded'),
});
export type RefundAnswer = z.infer<typeof refundAnswer>;

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export interface CardProcessor {
  charge(request: ChargeRequest): Promise<ChargeAnswer>;
  refund(request: { orderId: string; chargeId: string }): Promise<RefundAnswer>;
}

export class CardProcessorError extends Error {
  constructor(
    message: string,
    /** True when the same request may succeed later; false when the processor refused it. */
    readonly retryable: boolean,
    /** The processor's error code (`unauthorized`, `already_refunded`, …) or ours (`timeout`, `unreachable`). */
    readonly code: string,
    readonly status?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'CardProcessorError';
  }
}

export interface CardProcessorOptions {
  /** CARD_PROCESSOR_URL, e.g. http://127.0.0.1:4200 */
  url: string;
  /** CARD_PROCESSOR_SECRET_KEY: charges and refunds need it. */
  secretKey: string;
  /** Longer than the slow test card's delay (6 s by default). */
  timeoutMs?: number;
}

const TRANSIENT_STATUS = new Set([408, 425, 429]);

export function createCardProcessorClient(options: CardProcessorOptions): CardProcessor {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const base = options.url.replace(/\/+$/, '');

  async function post<T>(
    kind: 'charge' | 'refund',
    orderId: string,
    body: object,
    answer: z.ZodType<T>,
  ) {
    const path = `/v1/${kind}s`;
    const key = `${kind}:${orderId}`;
    const where = `${options.url} ${path}`;
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${options.secretKey}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw unreachable(error, where, timeoutMs);
    }
    const json = parseJson(text);
    if (response.ok) {
      const parsed = answer.safeParse(json);
      if (parsed.success) return parsed.data;
      throw new CardProcessorError(
        `The card processor (${where}) answered ${response.status} with something that is not a ${kind}: ${text.slice(0, 200)}`,
        true,
        'invalid_answer',
        response.status,
      );
    }
    const said = errorBody.safeParse(json);
    const code = said.success ? said.data.error.code : `http_${response.status}`;
    const message = said.success ? said.data.error.message : text.slice(0, 200) || '(no body)';
    const retryable = response.status >= 500 || TRANSIENT_STATUS.has(response.status);
    throw new CardProcessorError(
      `The card processor (${where}) ${retryable ? 'failed' : 'refused'} with ${response.status} ${code}: ${message}`,
      retryable,
      code,
      response.status,
    );
  }

  return {
    charge: ({ orderId, paymentMethodId, amount, currency }) =>
      post(
        'charge',
        orderId,
        { paymentMethodId, amount, currency, metadata: { orderId } },
        chargeAnswer,
      ),
    refund: ({ orderId, chargeId }) => post('refund', orderId, { chargeId }, refundAnswer),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function unreachable(error: unknown, where: string, timeoutMs: number): CardProcessorError {
  const e = error as { name?: string; message?: string; cause?: { code?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError')
    return new CardProcessorError(
      `The card processor (${where}) did not answer within ${timeoutMs} ms`,
      true,
      'timeout',
      undefined,
      { cause: error },
    );
  const reason = e.cause?.code ?? e.message ?? String(error);
  return new CardProcessorError(
    `The card processor (${where}) cannot be reached: ${reason}`,
    true,
    'unreachable',
    undefined,
    { cause: error },
  );
}
