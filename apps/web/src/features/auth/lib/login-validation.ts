export interface LoginProblems {
  email?: string;
  password?: string;
}

// Enough to catch a half-typed address; the server decides the rest.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What is missing from the login form, in the words the form shows (nothing when it may be sent). */
export function loginProblems(email: string, password: string): LoginProblems {
  const problems: LoginProblems = {};
  const address = email.trim();
  if (!address) problems.email = 'Skriv din e-mailadresse.';
  else if (!EMAIL.test(address)) problems.email = 'Skriv en hel e-mailadresse, fx navn@kommune.dk.';
  if (!password) problems.password = 'Skriv din adgangskode.';
  return problems;
}
