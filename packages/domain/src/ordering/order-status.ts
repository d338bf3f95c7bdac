import type { OrderStatus } from '@shop/contract/orders';
import { TransitionNotAllowed } from '@shop/domain/shared/errors';

/** The statuses are the contract's `orderStatuses`; the tables below must name every one. */
export type { OrderStatus };

/** Why a status changed when no person asked for it. */
export type StatusChangeReason = 'EXPIRED' | 'PAYMENT_FAILED';

const allowed: Record<OrderStatus, readonly OrderStatus[]> = {
  PENDING_PAYMENT: ['PAID', 'CANCELLED'],
  PAID: ['SHIPPED', 'CANCELLED'],
  SHIPPED: ['DELIVERED'],
  DELIVERED: [],
  CANCELLED: [],
};

const label: Record<OrderStatus, string> = {
  PENDING_PAYMENT: 'awaiting payment',
  PAID: 'paid',
  SHIPPED: 'shipped',
  DELIVERED: 'delivered',
  CANCELLED: 'cancelled',
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return allowed[from].includes(to);
}

export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) {
    throw new TransitionNotAllowed(`An order that is ${label[from]} cannot be marked ${label[to]}`);
  }
}

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
 * The actions the life cycle allows right now, decided by `canTransition` alone, so that clients
 * render buttons from the wire instead of restating the rules.
 */
function actionsFor<Action extends string>(
  status: OrderStatus,
  actions: Record<Action, OrderStatus>,
): Action[] {
  return (Object.keys(actions) as Action[]).filter((action) =>
    canTransition(status, actions[action]),
  );
}

export const shopperActionsFor = (status: OrderStatus) =>
  actionsFor<ShopperOrderAction>(status, shopperActions);

export const adminActionsFor = (status: OrderStatus) =>
  actionsFor<AdminOrderAction>(status, adminActions);

/** Both audiences' actions at once, as the order's wire shape carries them. */
export function allowedActions(status: OrderStatus): {
  shopper: ShopperOrderAction[];
  admin: AdminOrderAction[];
} {
  return { shopper: shopperActionsFor(status), admin: adminActionsFor(status) };
}
