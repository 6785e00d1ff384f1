/** How services apply a policy decision. */
import type { Decision } from '../domain/policies.js';
import { DepecheError } from '../errors.js';

/** Throws 403 (DEPECHE_FORBIDDEN) with the policy's French reason when refused. */
export function enforce(decision: Decision): void {
  if (!decision.allowed) throw new DepecheError('DEPECHE_FORBIDDEN', { detail: decision.reason });
}
