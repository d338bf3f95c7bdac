import type { OrderRecord } from '../models/order.model';
import { money } from './product.view';

export function orderView(order: OrderRecord) {
  const currency = order.currency.trim();
  return {
    id: order.id,
    status: order.status,
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
    })),
  };
}

export type OrderView = ReturnType<typeof orderView>;

/** The back office also sees who ordered. */
export function adminOrderView(order: OrderRecord) {
  return { ...orderView(order), customer: { name: order.user.name, email: order.user.email } };
}
