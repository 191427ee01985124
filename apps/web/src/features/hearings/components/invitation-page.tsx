import { formatDanishTime } from '@aftalerum/dates';
import { useMutation, useQuery } from '@apollo/client/react';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../../lib/apollo';
import { useAuth } from '../../auth/hooks/use-auth';
import { ACCEPT_INVITATION, CONFIRM_INVITATION, INVITATION_PREVIEW, SentInvitationCode } from '../graphql/hearings';
import { formatDateTime } from '../lib/time';
import { PublicLayout } from './public-layout';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The invitation link's landing page (no login), in two steps: the person gives their name and
 * e-mail, and the account is created pending with a 6-digit code mailed to that address; then
 * they type the code, are signed in for the invited organisation and taken to the response form.
 */
export function InvitationPage({ token }: { token: string }) {
  const { user, signIn, signOut } = useAuth();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<SentInvitationCode | null>(null);
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [accept, { loading: accepting }] = useMutation(ACCEPT_INVITATION);
  const [confirm, { loading: confirming }] = useMutation(CONFIRM_INVITATION);
  const heading = useRef<HTMLHeadingElement>(null);
  const codeField = useRef<HTMLInputElement>(null);
  // What the link is for: the organisation, the hearing and its deadline (null for a link that does not work).
  const preview = useQuery(INVITATION_PREVIEW, { variables: { token } });
  const invitation = preview.data?.invitationPreview ?? null;

  useEffect(() => {
    document.title = sent ? 'Skriv koden fra din e-mail – Aftalerum' : 'Invitation til høring – Aftalerum';
    // Each step starts at its heading, so a screen reader announces where the person is.
    heading.current?.focus();
  }, [sent]);

  async function sendCode(): Promise<boolean> {
    try {
      const result = await accept({ variables: { input: { token, name: name.trim(), email: email.trim() } } });
      const accepted = result.data?.acceptHearingInvitation;
      if (!accepted) return false;
      setSent(accepted);
      setCode('');
      return true;
    } catch (caught) {
      setProblem(errorMessage(caught));
      return false;
    }
  }

  async function onDetails(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (!name.trim()) return setProblem('Skriv dit navn.');
    if (!EMAIL.test(email.trim())) return setProblem('Skriv en gyldig e-mailadresse.');
    if (!(await sendCode())) heading.current?.focus();
  }

  async function onCode(event: FormEvent) {
    event.preventDefault();
    if (!sent) return;
    setProblem(null);
    setNotice('');
    const digits = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setProblem('Skriv de 6 cifre fra e-mailen.');
      codeField.current?.focus();
      return;
    }
    try {
      const result = await confirm({ variables: { input: { acceptanceId: sent.acceptanceId, code: digits } } });
      const confirmed = result.data?.confirmHearingInvitation;
      if (!confirmed) return;
      // The new account's token is used once, to move its session into the cookie; it is never kept.
      await signIn(confirmed.token);
      navigate(`/hoeringer/${confirmed.hearingId}/svar`, { replace: true });
    } catch (caught) {
      setProblem(errorMessage(caught));
      codeField.current?.focus();
    }
  }

  async function onResend() {
    setProblem(null);
    setNotice('');
    if (await sendCode()) setNotice(`Vi har sendt en ny kode til ${email.trim()}. Den tidligere kode virker ikke længere.`);
    codeField.current?.focus();
  }

  function onChangeEmail() {
    setSent(null);
    setProblem(null);
    setNotice('');
  }

  if (sent) {
    return (
      <PublicLayout>
        <div className="hd-invitation">
          <form className="card hd-invitation__card" onSubmit={onCode} noValidate aria-labelledby="invitation-title">
            <h1 id="invitation-title" ref={heading} tabIndex={-1}>
              Skriv koden fra din e-mail
            </h1>
            <p id="invitation-code-sent">
              Vi har sendt en kode på 6 cifre til <strong>{sent.email}</strong>. Koden virker til kl. {formatDanishTime(sent.expiresAt)}. Kan du
              ikke finde e-mailen, så se efter i uønsket post.
            </p>
            <label htmlFor="invitation-code">Kode fra e-mailen</label>
            <input
              id="invitation-code"
              ref={codeField}
              className="hd-code"
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              maxLength={9}
              required
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? 'invitation-code-sent invitation-problem' : 'invitation-code-sent'}
            />
            {problem && (
              <p className="error" role="alert" id="invitation-problem">
                {problem}
              </p>
            )}
            <p className="hd-hint" role="status">
              {notice}
            </p>
            <button type="submit" className="primary" disabled={confirming}>
              {confirming ? 'Bekræfter…' : 'Bekræft og fortsæt til høringen'}
            </button>
            <div className="hd-invitation__actions">
              <button type="button" onClick={onResend} disabled={accepting}>
                {accepting ? 'Sender…' : 'Send en ny kode'}
              </button>
              <button type="button" onClick={onChangeEmail}>
                Ret e-mailadressen
              </button>
            </div>
          </form>
        </div>
      </PublicLayout>
    );
  }

  return (
    <PublicLayout>
      <div className="hd-invitation">
        <form className="card hd-invitation__card" onSubmit={onDetails} noValidate aria-labelledby="invitation-title">
          <h1 id="invitation-title" ref={heading} tabIndex={-1}>
            Invitation til at afgive høringssvar
          </h1>
          {invitation ? (
            <dl className="hd-receipt__facts hd-invitation__facts">
              <div>
                <dt>Organisation</dt>
                <dd>{invitation.organisationName}</dd>
              </div>
              <div>
                <dt>Høring</dt>
                <dd>
                  {invitation.hearingTitle} ({invitation.agreementTitle})
                </dd>
              </div>
              <div>
                <dt>Høringsfrist</dt>
                <dd>
                  <time dateTime={invitation.closesAt}>{formatDateTime(invitation.closesAt)}</time>
                  {invitation.status === 'CLOSED' ? ' (fristen er overskredet)' : ''}
                </dd>
              </div>
            </dl>
          ) : (
            preview.data && (
              <p className="hd-note" role="note">
                Linket virker ikke længere: det er trukket tilbage eller erstattet af et nyt. Bed sekretariatet om et nyt link.
              </p>
            )
          )}
          <p>
            {invitation ? invitation.organisationName : 'Din organisation'} er inviteret til at give sine bemærkninger til høringsudkastet til sundhedsaftalen. Skriv dit navn og din e-mailadresse. Vi
            sender en kode til adressen, og når du har skrevet den, kommer du direkte til høringen. Navnet står på kvitteringen for jeres høringssvar.
          </p>
          {user && invitation && user.organisation.name === invitation.organisationName && (
            <p className="hd-note" role="note">
              Du er allerede logget ind som {user.name} for {user.organisation.name}.{' '}
              <Link to={`/hoeringer/${invitation.hearingId}`}>Gå til høringen</Link> og afgiv høringssvaret med din konto.
            </p>
          )}
          {user && !(invitation && user.organisation.name === invitation.organisationName) && (
            <p className="hd-note" role="note">
              Du er logget ind som {user.name} ({user.organisation.name}), men invitationen er til {invitation ? invitation.organisationName : 'en anden organisation'}. Linket opretter en ny konto
              for den inviterede organisation; det logger ikke ind på en konto, der findes.{' '}
              <button type="button" className="hd-link-button" onClick={() => void signOut()}>
                Log ud
              </button>{' '}
              først, hvis du vil svare for {invitation ? invitation.organisationName : 'den'}.
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
          <button type="submit" className="primary" disabled={accepting}>
            {accepting ? 'Sender koden…' : 'Fortsæt til høringen'}
          </button>
          <p className="hd-hint">Vi bruger kun oplysningerne til at bekræfte din adresse og registrere, hvem der har afgivet høringssvaret.</p>
        </form>
      </div>
    </PublicLayout>
  );
}
