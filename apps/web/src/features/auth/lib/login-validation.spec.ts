import { describe, expect, it } from 'vitest';
import { loginProblems } from './login-validation';

describe('loginProblems', () => {
  it('names each missing field', () => {
    expect(loginProblems('', '')).toEqual({ email: 'Skriv din e-mailadresse.', password: 'Skriv din adgangskode.' });
    expect(loginProblems('   ', 'x')).toEqual({ email: 'Skriv din e-mailadresse.' });
  });

  it('asks for a whole address, and lets a complete form through', () => {
    expect(loginProblems('sekretariat', 'demo1234').email).toBe('Skriv en hel e-mailadresse, fx navn@kommune.dk.');
    expect(loginProblems(' sekretariat@aftalerum.test ', 'demo1234')).toEqual({});
  });
});
