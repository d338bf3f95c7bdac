import { countryCode, countryCodeMessage } from '@shop/contract/orders';
import { InvalidRequest } from '../shared/errors';

export interface ShippingAddressFields {
  fullName: string;
  address: string;
  city: string;
  postalCode: string;
  country: string;
}

/** Where an order goes: copied onto the order when it is placed, never edited afterwards. */
export class ShippingAddress implements ShippingAddressFields {
  private constructor(
    readonly fullName: string,
    readonly address: string,
    readonly city: string,
    readonly postalCode: string,
    readonly country: string,
  ) {}

  static of(fields: ShippingAddressFields): ShippingAddress {
    const [fullName, address, city, postalCode] = [
      fields.fullName,
      fields.address,
      fields.city,
      fields.postalCode,
    ].map((part) => part.trim());
    const country = fields.country.trim().toUpperCase();
    if (!fullName || !address || !city || !postalCode) {
      throw new InvalidRequest('A shipping address needs a name, street, city and postal code');
    }
    if (!countryCode.test(country)) {
      throw new InvalidRequest(countryCodeMessage);
    }
    return new ShippingAddress(fullName, address, city, postalCode, country);
  }

  equals(other: ShippingAddressFields): boolean {
    return (
      this.fullName === other.fullName &&
      this.address === other.address &&
      this.city === other.city &&
      this.postalCode === other.postalCode &&
      this.country === other.country
    );
  }

  toJSON(): ShippingAddressFields {
    const { fullName, address, city, postalCode, country } = this;
    return { fullName, address, city, postalCode, country };
  }
}
