import type { OrderDetails } from '@shop/domain/ordering/order-queries';
import { adminActionsFor, shopperActionsFor } from '@shop/domain/ordering/order-status';
import { money } from './product.presenter';

export function orderView(order: OrderDetails) {
  const currency = order.currency.trim();
  return {
    id: order.id,
    status: order.status,
    // What the shopper may do now, from the order's life cycle, so clients never restate it.
    allowedActions: shopperActionsFor(order.status),
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
export function adminOrderView(order: OrderDetails) {
  return {
    ...orderView(order),
    allowedActions: adminActionsFor(order.status),
    customer: { name: order.user.name, email: order.user.email },
  };
}
