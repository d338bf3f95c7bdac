import { formatMoney } from '@shop/contract/money';
import { formatDateTime, orderReasonLabel, orderStatusLabel } from '~/lib/order-status';
import type { Order } from '~/trpc/types';

/** Lines, totals, address and status history: the body of an order, for shoppers and the back office. */
export function OrderDetails({ order }: { order: Omit<Order, 'allowedActions'> }) {
  const { shippingAddress: a } = order;
  return (
    <div className="order-details">
      <section aria-labelledby="lines-heading">
        <h2 id="lines-heading">Items</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col">Unit price</th>
                <th scope="col">Quantity</th>
                <th scope="col">Line total</th>
              </tr>
            </thead>
            <tbody>
              {order.lines.map((line) => (
                <tr key={line.productId}>
                  <th scope="row">{line.name}</th>
                  <td className="price">{formatMoney(line.unitPrice)}</td>
                  <td>{line.quantity}</td>
                  <td className="price">{formatMoney(line.lineTotal)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  Total
                </th>
                <td className="price">
                  <strong>{formatMoney(order.total)}</strong>
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>
      <section aria-labelledby="address-heading">
        <h2 id="address-heading">Shipping address</h2>
        <address>
          {a.fullName}
          <br />
          {a.address}
          <br />
          {a.postalCode} {a.city}
          <br />
          {a.country}
        </address>
      </section>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Status history</h2>
        <ol className="history">
          {order.history.map((entry) => (
            <li key={`${entry.status}-${entry.at}`}>
              <strong>{orderStatusLabel(entry.status)}</strong>
              {orderReasonLabel(entry.reason) ? ` (${orderReasonLabel(entry.reason)})` : ''} —{' '}
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
