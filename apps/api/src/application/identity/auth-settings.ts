import { defaultSessionIdleDays } from '@shop/domain/identity/session';
import { defaultAuthLimits, type AuthLimits } from '@shop/domain/identity/throttle-policy';

/** What the deployment may tune about authentication (from the environment in `main.ts`). */
export interface AuthSettings extends AuthLimits {
  /** Days without use after which a session is refused. */
  sessionIdleDays: number;
}

export const defaultAuthSettings: AuthSettings = {
  ...defaultAuthLimits,
  sessionIdleDays: defaultSessionIdleDays,
};
