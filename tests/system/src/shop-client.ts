/**
 * A shopper talking to the API over HTTP as the web app does: tRPC calls as JSON, the `origin`
 * header the API checks on mutations, and the session cookie it sets at sign-up. Errors come back
 * as `ShopCallError` with the procedure, the HTTP status and the API's message.
 */
import { randomUUID } from 'node:crypto';
import { shopOrigin } from './api-process';

export const shippingAddress = {
  fullName: 'Kim Minji',
  address: '1 Sejong-daero',
  city: 'Seoul',
  postalCode: '04524',
  country: 'KR',
};

/** The card processor's documented test cards (apps/card-processor README). */
export const cards = {
  approved: { cardNumber: '4242 4242 4242 4242', expiry: '12/30', cvc: '123' },
  slow: { cardNumber: '4000 0000 0000 0077', expiry: '12/30', cvc: '123' },
};

export type Card = (typeof cards)[keyof typeof cards];

export interface OrderView {
  id: string;
  status: 'PENDING_PAYMENT' | 'PAID' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED';
  history: { status: string; at: string; reason?: string }[];
  total: { amount: number; currency: string };
}

export class ShopCallError extends Error {
  constructor(
    readonly procedure: string,
    readonly status: number,
    message: string,
  ) {
    super(`${procedure} answered ${status}: ${message}`);
    this.name = 'ShopCallError';
  }
}

interface TrpcBody {
  result?: { data: unknown };
  error?: { message?: string };
}

export class ShopClient {
  private cookie = '';

  constructor(
    readonly apiUrl: string,
    readonly timeoutMs = 30_000,
  ) {}

  private async call<T>(procedure: string, init: RequestInit, query = ''): Promise<T> {
    const response = await fetch(`${this.apiUrl}/trpc/${procedure}${query}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        origin: shopOrigin,
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const set = response.headers
      .getSetCookie()
      .map((line) => line.split(';')[0] ?? '')
      .filter(Boolean);
    if (set.length) this.cookie = set.join('; ');
    const text = await response.text();
    let body: TrpcBody;
    try {
      body = JSON.parse(text) as TrpcBody;
    } catch {
      throw new ShopCallError(procedure, response.status, text.slice(0, 200) || '(no body)');
    }
    if (!response.ok || !body.result)
      throw new ShopCallError(
        procedure,
        response.status,
        body.error?.message ?? text.slice(0, 200),
      );
    return body.result.data as T;
  }

  private mutate<T>(procedure: string, input: unknown): Promise<T> {
    return this.call<T>(procedure, { method: 'POST', body: JSON.stringify(input) });
  }

  private query<T>(procedure: string, input?: unknown): Promise<T> {
    const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    return this.call<T>(procedure, { method: 'GET' }, query);
  }

  signUp(name: string, email: string, password = 'correct-horse-battery'): Promise<unknown> {
    return this.mutate('auth.signUp', { name, email, password });
  }

  products(): Promise<{ items: { id: string; slug: string }[] }> {
    return this.query('catalog.list', {});
  }

  product(slug: string): Promise<{ id: string; stock?: number }> {
    return this.query('catalog.get', { slug });
  }

  addToCart(productId: string, quantity = 1): Promise<unknown> {
    return this.mutate('cart.add', { productId, quantity });
  }

  cart(): Promise<{ itemCount: number }> {
    return this.query('cart.get');
  }

  placeOrder(card: Card = cards.approved): Promise<OrderView> {
    return this.mutate('orders.place', {
      idempotencyKey: randomUUID(),
      shippingAddress,
      payment: card,
    });
  }

  order(id: string): Promise<OrderView> {
    return this.query('orders.get', { id });
  }
}
