import { domainEvent, type DomainEvent } from '../shared/events';

export type StockReserved = DomainEvent<
  'StockReserved',
  { productId: string; quantity: number; remaining: number }
>;
export type StockReleased = DomainEvent<
  'StockReleased',
  { productId: string; quantity: number; remaining: number }
>;

/** What the inventory context tells the rest of the shop. */
export type StockEvent = StockReserved | StockReleased;

export const stockEvent = {
  reserved: (data: StockReserved['data'], at: Date): StockReserved =>
    domainEvent('StockReserved', data, at),
  released: (data: StockReleased['data'], at: Date): StockReleased =>
    domainEvent('StockReleased', data, at),
};
