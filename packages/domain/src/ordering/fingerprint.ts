import { createHash } from 'node:crypto';
import type { ShippingAddressFields } from './shipping-address';

/** A number of units of one product, as a checkout asks for them. */
export interface RequestedLine {
  productId: string;
  quantity: number;
}

/**
 * What an idempotency key is bound to: the cart's lines (summed per product, in id order) and the
 * address, never the card. Two requests with the same fingerprint are the same checkout.
 */
export class RequestFingerprint {
  private constructor(readonly value: string) {}

  static of(lines: readonly RequestedLine[], address: ShippingAddressFields): RequestFingerprint {
    const totals = new Map<string, number>();
    for (const { productId, quantity } of lines) {
      totals.set(productId, (totals.get(productId) ?? 0) + quantity);
    }
    const canonical = {
      lines: [...totals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      address: [
        address.fullName,
        address.address,
        address.city,
        address.postalCode,
        address.country,
      ],
    };
    return new RequestFingerprint(
      createHash('sha256').update(JSON.stringify(canonical)).digest('hex'),
    );
  }

  /** A fingerprint as stored with an order. */
  static fromStored(value: string): RequestFingerprint {
    return new RequestFingerprint(value);
  }

  equals(other: RequestFingerprint): boolean {
    return this.value === other.value;
  }
}

/** Kept for callers that want the hex string directly (stage 2's `requestFingerprint`). */
export function requestFingerprint(
  lines: readonly RequestedLine[],
  address: ShippingAddressFields,
): string {
  return RequestFingerprint.of(lines, address).value;
}
