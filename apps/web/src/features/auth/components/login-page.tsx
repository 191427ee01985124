import { useMutation } from '@apollo/client/react';
import { FormEvent, useState } from 'react';
import { errorMessage } from '../../../lib/apollo';
import { LOGIN } from '../graphql/auth';
import { useAuth } from '../hooks/use-auth';

export function LoginPage() {
  const { signIn, notice } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [login, { loading, error }] = useMutation(LOGIN);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await login({ variables: { email, password } }).catch(() => null);
    // The answer set the session cookie.
    if (result?.data) await signIn();
  };

  return (
    <main className="login" id="indhold">
      <form className="card login-card" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <h1 id="login-title">Log ind i Aftalerum</h1>
        <p className="muted">Her skriver region, kommuner og almen praksis sundhedsaftalen sammen.</p>
        <label htmlFor="email">E-mail</label>
        <input id="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <label htmlFor="password">Adgangskode</label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {notice && !error && (
          <p className="login-notice" role="status">
            {notice}
          </p>
        )}
        {error && (
          <p className="error" role="alert">
            {errorMessage(error)}
          </p>
        )}
        <button type="submit" className="primary" disabled={loading || !email || !password}>
          {loading ? 'Logger ind…' : 'Log ind'}
        </button>
      </form>
    </main>
  );
}
