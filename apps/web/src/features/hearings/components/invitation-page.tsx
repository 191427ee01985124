import { useApolloClient, useMutation } from '@apollo/client';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../../lib/apollo';
import { useAuth } from '../../auth/hooks/use-auth';
import { USE_SESSION_COOKIE } from '../../auth/graphql/auth';
import { ACCEPT_INVITATION } from '../graphql/hearings';
import { PublicLayout } from './public-layout';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The invitation link's landing page (no login): the person gives their name and e-mail, is
 * signed in for the invited organisation, and is taken to the response form.
 */
export function InvitationPage({ token }: { token: string }) {
  const { user, signIn } = useAuth();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [accept, { loading }] = useMutation(ACCEPT_INVITATION);
  const client = useApolloClient();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = 'Invitation til høring – Aftalerum';
  }, []);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (!name.trim()) return setProblem('Skriv dit navn.');
    if (!EMAIL.test(email.trim())) return setProblem('Skriv en gyldig e-mailadresse.');
    try {
      const result = await accept({ variables: { input: { token, name: name.trim(), email: email.trim() } } });
      const accepted = result.data?.acceptHearingInvitation;
      if (!accepted) return;
      // The new account's token is used once, to move its session into the cookie; it is never kept.
      await client.mutate({ mutation: USE_SESSION_COOKIE, context: { headers: { authorization: `Bearer ${accepted.token}` } } });
      await signIn();
      navigate(`/hoeringer/${accepted.hearingId}/svar`, { replace: true });
    } catch (caught) {
      setProblem(errorMessage(caught));
      heading.current?.focus();
    }
  }

  return (
    <PublicLayout>
      <div className="hd-invitation">
        <form className="card hd-invitation__card" onSubmit={onSubmit} noValidate aria-labelledby="invitation-title">
          <h1 id="invitation-title" ref={heading} tabIndex={-1}>
            Invitation til at afgive høringssvar
          </h1>
          <p>
            Din organisation er inviteret til at give sine bemærkninger til høringsudkastet til sundhedsaftalen. Skriv dit navn og din e-mailadresse, så
            kommer du direkte til høringen. Navnet står på kvitteringen for jeres høringssvar.
          </p>
          {user && (
            <p className="hd-note" role="note">
              Du er logget ind som {user.name} ({user.organisation.name}). Fortsætter du, svarer du i stedet for den organisation, invitationen er sendt til.
            </p>
          )}
          <label htmlFor="invitation-name">Dit navn</label>
          <input id="invitation-name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} maxLength={120} required />
          <label htmlFor="invitation-email">Din e-mail</label>
          <input
            id="invitation-email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            maxLength={320}
            required
          />
          {problem && (
            <p className="error" role="alert">
              {problem}
            </p>
          )}
          <button type="submit" className="primary" disabled={loading}>
            {loading ? 'Åbner høringen…' : 'Fortsæt til høringen'}
          </button>
          <p className="hd-hint">Vi bruger kun oplysningerne til at registrere, hvem der har afgivet høringssvaret.</p>
        </form>
      </div>
    </PublicLayout>
  );
}
