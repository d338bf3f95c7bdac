import type { OrderStatus } from '@shop/db/client';
import type { OrderRecord } from '../../models/order.model';
import { canTransition } from '../../models/order-status';
import { money } from './product.presenter';

/** What a shopper may do to an order (orders.cancel), each named by the status it leads to. */
const shopperActions = { cancel: 'CANCELLED' } as const satisfies Record<string, OrderStatus>;
/** What the back office may do to an order (admin.orders.ship / admin.orders.deliver). */
const adminActions = { ship: 'SHIPPED', deliver: 'DELIVERED' } as const satisfies Record<
  string,
  OrderStatus
>;

export type ShopperOrderAction = keyof typeof shopperActions;
export type AdminOrderAction = keyof typeof adminActions;

/**
 * The actions the order's life cycle allows right now, decided by `canTransition` alone, so that
 * clients render buttons from the wire instead of restating the rules.
 */
function allowedActions<Action extends string>(
  status: OrderStatus,
  actions: Record<Action, OrderStatus>,
): Action[] {
  return (Object.keys(actions) as Action[]).filter((action) =>
    canTransition(status, actions[action]),
  );
}

export function orderView(order: OrderRecord) {
  const currency = order.currency.trim();
  return {
    id: order.id,
    status: order.status,
    allowedActions: allowedActions<ShopperOrderAction>(order.status, shopperActions),
    createdAt: order.createdAt.toISOString(),
    lines: order.lines.map((line) => ({
      productId: line.productId,
      name: line.name,
      unitPrice: money(line.unitPrice, currency),
      quantity: line.quantity,
      lineTotal: money(line.lineTotal, currency),
    })),
    total: money(order.totalAmount, currency),
    shippingAddress: {
      fullName: order.shipFullName,
      address: order.shipAddress,
      city: order.shipCity,
      postalCode: order.shipPostalCode,
      country: order.shipCountry.trim(),
    },
    history: order.history.map((change) => ({
      status: change.status,
      at: change.at.toISOString(),
      // Why, when no person caused it: EXPIRED (reservation time limit) or PAYMENT_FAILED.
      ...(change.reason ? { reason: change.reason } : {}),
    })),
  };
}

export type OrderView = ReturnType<typeof orderView>;

/** The back office also sees who ordered, and its own actions instead of the shopper's. */
export function adminOrderView(order: OrderRecord) {
  return {
    ...orderView(order),
    allowedActions: allowedActions<AdminOrderAction>(order.status, adminActions),
    customer: { name: order.user.name, email: order.user.email },
  };
}
