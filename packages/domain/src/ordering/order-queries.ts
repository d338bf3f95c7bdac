import type { OrderStatus, StatusChangeReason } from './order-status';

/** An order as the shopper, the back office and checkout's answer read it (the read side). */
export interface OrderDetails {
  id: string;
  userId: string;
  status: OrderStatus;
  createdAt: Date;
  /** In minor units of `currency`. */
  totalAmount: number;
  currency: string;
  shipFullName: string;
  shipAddress: string;
  shipCity: string;
  shipPostalCode: string;
  shipCountry: string;
  lines: readonly {
    productId: string;
    name: string;
    unitPrice: number;
    quantity: number;
    lineTotal: number;
  }[];
  history: readonly { status: OrderStatus; at: Date; reason: StatusChangeReason | null }[];
  payments: readonly { kind: 'CHARGE' | 'REFUND'; outcome: 'APPROVED' | 'DECLINED' }[];
  /** Who ordered, for the back office. */
  user: { name: string; email: string };
}

/** The read side of orders: what the lists and answers show, never loaded to be changed. */
export interface OrderQueries {
  findById(id: string): Promise<OrderDetails | null>;
  /** The order only if it is this user's. */
  findForUser(userId: string, id: string): Promise<OrderDetails | null>;
  findByKey(userId: string, idempotencyKey: string): Promise<OrderDetails | null>;
  /** The user's orders, newest first. */
  listForUser(userId: string): Promise<OrderDetails[]>;
  /** Everyone's orders, newest first, optionally in one status, at most `limit`. */
  list(filter: { status?: OrderStatus | undefined; limit: number }): Promise<OrderDetails[]>;
}
