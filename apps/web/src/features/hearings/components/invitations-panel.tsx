import { useMutation } from '@apollo/client/react';
import { useId, useState } from 'react';
import { errorMessage } from '../../../lib/apollo';
import { Invitation, REISSUE_INVITATION, WITHDRAW_INVITATION } from '../graphql/hearings';

/** The full address of an invitation link (the API gives the path). */
export const invitationUrl = (link: string) => new URL(link, window.location.origin).toString();

/** Focuses an element once the list has re-rendered with the mutation's answer. */
const focusLater = (elementId: string) => window.setTimeout(() => document.getElementById(elementId)?.focus(), 0);

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The invited organisations, whether each has answered, and the organisation's link to copy and
 * send; the secretariat can withdraw a link (it stops working at once) or issue a new one (every
 * earlier link stops working).
 */
export function InvitationsPanel({ invitations }: { invitations: Invitation[] }) {
  const id = useId();
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [withdraw, withdrawing] = useMutation(WITHDRAW_INVITATION);
  const [reissue, reissuing] = useMutation(REISSUE_INVITATION);
  const busy = withdrawing.loading || reissuing.loading;
  const answered = invitations.filter((i) => i.answered).length;

  async function onWithdraw(invitation: Invitation) {
    setProblem(null);
    try {
      await withdraw({ variables: { invitationId: invitation.id } });
      setStatus(`Linket til ${invitation.organisationName} er trukket tilbage og virker ikke længere.`);
      // The withdraw button is gone; keep the keyboard user in the row.
      focusLater(`${id}-${invitation.id}-reissue`);
    } catch (caught) {
      setProblem(errorMessage(caught));
    }
  }

  async function onReissue(invitation: Invitation) {
    setProblem(null);
    try {
      await reissue({ variables: { invitationId: invitation.id } });
      setStatus(`Der er udstedt et nyt link til ${invitation.organisationName}. Tidligere links virker ikke længere.`);
      focusLater(`${id}-${invitation.id}`);
    } catch (caught) {
      setProblem(errorMessage(caught));
    }
  }

  async function onCopy(invitation: Invitation) {
    if (!invitation.link) return;
    const ok = await copyText(invitationUrl(invitation.link));
    if (ok) {
      setStatus(`Linket til ${invitation.organisationName} er kopieret.`);
    } else {
      const input = document.getElementById(`${id}-${invitation.id}`) as HTMLInputElement | null;
      input?.focus();
      input?.select();
      setStatus(`Linket kunne ikke kopieres automatisk. Det er markeret: tryk Ctrl+C for at kopiere det.`);
    }
  }

  return (
    <section className="card hd-invitations" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Invitationer</h2>
      <p className="muted">
        {answered} af {invitations.length} inviterede har svaret. Send hver organisation dens eget link; med det kan en ny medarbejder oprette sig og
        svare for organisationen i denne høring. Har linket fundet forkerte modtagere, så træk det tilbage, eller udsted et nyt.
      </p>
      {invitations.length === 0 ? (
        <p>Ingen organisationer er inviteret.</p>
      ) : (
        <div className="hd-table-wrap">
          <table className="hd-table-plain">
            <caption className="visually-hidden">Inviterede organisationer, svar og invitationslinks</caption>
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                <th scope="col">Svaret</th>
                <th scope="col">Invitationslink</th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <th scope="row">{invitation.organisationName}</th>
                  <td>{invitation.answered ? <span className="hd-tag hd-tag--ok">Har svaret</span> : <span className="hd-tag">Mangler</span>}</td>
                  <td>
                    {invitation.link ? (
                      <div className="hd-copy">
                        <label htmlFor={`${id}-${invitation.id}`} className="visually-hidden">
                          Invitationslink til {invitation.organisationName}
                        </label>
                        <input id={`${id}-${invitation.id}`} readOnly value={invitationUrl(invitation.link)} onFocus={(e) => e.target.select()} />
                        <button type="button" className="small" onClick={() => void onCopy(invitation)}>
                          Kopiér link<span className="visually-hidden"> til {invitation.organisationName}</span>
                        </button>
                      </div>
                    ) : (
                      <span className="hd-tag">Trukket tilbage</span>
                    )}
                    <div className="hd-copy" style={{ marginTop: '.35rem' }}>
                      {invitation.link && (
                        <button type="button" className="small" disabled={busy} onClick={() => void onWithdraw(invitation)}>
                          Træk linket tilbage<span className="visually-hidden"> for {invitation.organisationName}</span>
                        </button>
                      )}
                      <button id={`${id}-${invitation.id}-reissue`} type="button" className="small" disabled={busy} onClick={() => void onReissue(invitation)}>
                        Udsted nyt link<span className="visually-hidden"> til {invitation.organisationName}</span>
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <p className="hd-hint hd-status-line" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
