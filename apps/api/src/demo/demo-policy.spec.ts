import { DEMO_PASSWORD } from './demo-data';
import { demoPlan } from './demo-policy';

describe('demoPlan', () => {
  it('seeds the embedded database outside production with the documented password', () => {
    expect(demoPlan({ demoData: undefined, embedded: true, production: false })).toEqual({ seed: true, password: DEMO_PASSWORD, generated: false });
    expect(demoPlan({ demoData: undefined, embedded: false, production: false }).seed).toBe(false);
    expect(demoPlan({ demoData: false, embedded: true, production: false }).seed).toBe(false);
  });

  it('refuses to seed in production unless asked, and never with the published password', () => {
    expect(demoPlan({ demoData: undefined, embedded: true, production: true }).seed).toBe(false);
    const asked = demoPlan({ demoData: true, embedded: false, production: true });
    expect(asked.seed).toBe(true);
    expect(asked.generated).toBe(true);
    expect(asked.password).not.toBe(DEMO_PASSWORD);
    expect(asked.password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(demoPlan({ demoData: true, embedded: false, production: true }).password).not.toBe(asked.password);
  });
});
