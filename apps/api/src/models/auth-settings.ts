import { defaultAuthLimits, type AuthLimits } from './login-throttle.model';

/** What the deployment may tune about authentication (from the environment in `main.ts`). */
export type AuthSettings = AuthLimits;

export const defaultAuthSettings: AuthSettings = { ...defaultAuthLimits };
