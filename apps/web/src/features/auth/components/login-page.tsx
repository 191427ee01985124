import { useMutation } from '@apollo/client/react';
import { FormEvent, useRef, useState } from 'react';
import { errorMessage } from '../../../lib/apollo';
import { documentTitle } from '../../../lib/page-titles';
import { useDocumentTitle } from '../../../lib/route-focus';
import { LOGIN } from '../graphql/auth';
import { useAuth } from '../hooks/use-auth';
import { loginProblems, LoginProblems } from '../lib/login-validation';

export function LoginPage() {
  const { signIn, notice } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<LoginProblems>({});
  const [login, { loading, error }] = useMutation(LOGIN);
  const emailField = useRef<HTMLInputElement>(null);
  const passwordField = useRef<HTMLInputElement>(null);
  useDocumentTitle(documentTitle('Log ind'));

  // The button is never disabled (Tab would skip it and nobody would learn why): the form says what is missing when sent.
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    const found = loginProblems(email, password);
    setProblems(found);
    if (found.email) return emailField.current?.focus();
    if (found.password) return passwordField.current?.focus();
    const result = await login({ variables: { email: email.trim(), password } }).catch(() => null);
    // The answer set the session cookie.
    if (result?.data) await signIn();
  };

  const said = [problems.email, problems.password].filter(Boolean).join(' ');
  return (
    <main className="login" id="indhold">
      <form className="card login-card" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <h1 id="login-title">Log ind i Aftalerum</h1>
        <p className="muted">Her skriver region, kommuner og almen praksis sundhedsaftalen sammen.</p>
        <label htmlFor="email">E-mail</label>
        <input
          id="email"
          ref={emailField}
          type="email"
          autoComplete="username"
          required
          value={email}
          aria-invalid={problems.email ? true : undefined}
          aria-describedby={problems.email ? 'login-problems' : undefined}
          onChange={(e) => setEmail(e.target.value)}
        />
        <label htmlFor="password">Adgangskode</label>
        <input
          id="password"
          ref={passwordField}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          aria-invalid={problems.password ? true : undefined}
          aria-describedby={problems.password ? 'login-problems' : undefined}
          onChange={(e) => setPassword(e.target.value)}
        />
        {notice && !error && !said && (
          <p className="login-notice" role="status">
            {notice}
          </p>
        )}
        {said ? (
          <p className="error" role="alert" id="login-problems">
            {said}
          </p>
        ) : (
          error && (
            <p className="error" role="alert">
              {errorMessage(error)}
            </p>
          )
        )}
        <button type="submit" className="primary" aria-disabled={loading || undefined}>
          {loading ? 'Logger ind…' : 'Log ind'}
        </button>
      </form>
    </main>
  );
}
