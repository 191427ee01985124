import { readFileSync } from 'node:fs';
import path from 'node:path';
import { demoPlan } from './demo-policy';

/**
 * A deployment made from docker-compose.yml holds no demo accounts: the app runs in production,
 * nothing asks for the demo, and the demo policy then refuses to seed.
 */
describe('docker-compose.yml', () => {
  const compose = readFileSync(path.resolve(__dirname, '../../../../docker-compose.yml'), 'utf8');
  /** The `app` service's block: from its key to the next top-level service or section. */
  const app = (/^ {2}app:\n((?: {4}.*\n|\s*\n)+)/m.exec(compose)?.[1] ?? '').replace(/^\s*#.*$/gm, '');
  const environment = Object.fromEntries(
    [...app.matchAll(/^ {6}([A-Z_]+):\s*"?([^"\n]*)"?\s*$/gm)].map(([, key, value]) => [key, value.trim()]),
  );

  it('has an app service with its environment', () => {
    expect(app).toContain('environment:');
    expect(environment.DATABASE_URL).toMatch(/^postgres:\/\//);
  });

  it('runs the platform in production and never asks for the demo', () => {
    expect(environment.NODE_ENV).toBe('production');
    expect(environment.DEMO_DATA).toBeUndefined();
    expect(app).not.toMatch(/\bseed\b|--demo|DEMO_DATA=/i);
  });

  it('so the demo is not seeded there', () => {
    expect(demoPlan({ demoData: undefined, embedded: false, production: environment.NODE_ENV === 'production' }).seed).toBe(false);
  });
});
