import { randomBytes } from 'node:crypto';
import { DEMO_PASSWORD } from './demo-data';

export interface DemoPlan {
  seed: boolean;
  /** The demo accounts' password: the documented one, except in production. */
  password: string;
  /** Whether the password must be shown once, since nobody knows it. */
  generated: boolean;
}

/**
 * Whether to seed the demo on an empty database, and with which password. By default only
 * on the embedded database outside production. In production (NODE_ENV=production) it seeds
 * only when DEMO_DATA=true says so, and then never with the published password: a deployment
 * must not hold accounts anyone can sign in to with `demo1234`.
 */
export function demoPlan(options: { demoData: boolean | undefined; embedded: boolean; production: boolean }): DemoPlan {
  const seed = options.demoData ?? (options.embedded && !options.production);
  if (!options.production) return { seed, password: DEMO_PASSWORD, generated: false };
  return { seed, password: randomBytes(12).toString('base64url'), generated: true };
}
