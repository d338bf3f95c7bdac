import type { CatalogDeps } from './catalog/deps';
import type { IdentityPorts } from './identity/deps';
import type { OperationsDeps } from './operations/deps';
import type { OrderingPorts } from './ordering/deps';
import type { ShoppingPorts } from './shopping/deps';

/**
 * Every context's ports as the composition root (`wiring.ts`) builds them once per process: the
 * request context adds the request's log and hands each context only its own.
 */
export interface AppPorts {
  catalog: CatalogDeps;
  identity: IdentityPorts;
  ordering: OrderingPorts;
  shopping: ShoppingPorts;
  operations: OperationsDeps;
}
