import type { Money } from '../shared/money';

export interface ProductCategory {
  readonly slug: string;
  readonly name: string;
}

/** A category a shopper can browse, with how many products it holds. */
export interface Category extends ProductCategory {
  readonly productCount: number;
}

export interface ProductSnapshot {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly price: Money;
  readonly imageUrl: string;
  /** Units on the shelf now (Inventory keeps it; the catalog shows it). */
  readonly stock: number;
  readonly createdAt: Date;
  readonly category: ProductCategory;
}

/**
 * A product as the catalog shows it: read-side, so no methods change it (prices and stock are
 * changed by the back office and by Inventory). The cart prices and caps its lines from it.
 */
export class Product {
  private constructor(private readonly state: ProductSnapshot) {}

  static rehydrate(snapshot: ProductSnapshot): Product {
    if (!Number.isInteger(snapshot.stock)) {
      throw new RangeError(`Stock is a whole number, not ${snapshot.stock}`);
    }
    return new Product({ ...snapshot });
  }

  get id(): string {
    return this.state.id;
  }
  get slug(): string {
    return this.state.slug;
  }
  get name(): string {
    return this.state.name;
  }
  get description(): string {
    return this.state.description;
  }
  get price(): Money {
    return this.state.price;
  }
  get imageUrl(): string {
    return this.state.imageUrl;
  }
  get stock(): number {
    return this.state.stock;
  }
  get createdAt(): Date {
    return this.state.createdAt;
  }
  get category(): ProductCategory {
    return this.state.category;
  }

  /** Nothing on the shelf: it shows, but cannot go into a cart. */
  get isSoldOut(): boolean {
    return this.state.stock <= 0;
  }

  snapshot(): ProductSnapshot {
    return { ...this.state };
  }
}
