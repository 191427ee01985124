import { useId, useState } from 'react';
import { Invitation } from '../graphql/hearings';

/** The full address of an invitation link (the API gives the path). */
export const invitationUrl = (link: string) => new URL(link, window.location.origin).toString();

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The invited organisations, whether each has answered, and its personal link to copy and send. */
export function InvitationsPanel({ invitations }: { invitations: Invitation[] }) {
  const id = useId();
  const [status, setStatus] = useState('');
  const answered = invitations.filter((i) => i.answered).length;

  async function onCopy(invitation: Invitation) {
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
        {answered} af {invitations.length} inviterede har svaret. Send hver organisation dens eget link; med det kan en medarbejder logge ind og svare for
        organisationen.
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
                    <div className="hd-copy">
                      <label htmlFor={`${id}-${invitation.id}`} className="visually-hidden">
                        Invitationslink til {invitation.organisationName}
                      </label>
                      <input id={`${id}-${invitation.id}`} readOnly value={invitationUrl(invitation.link)} onFocus={(e) => e.target.select()} />
                      <button type="button" className="small" onClick={() => void onCopy(invitation)}>
                        Kopiér link<span className="visually-hidden"> til {invitation.organisationName}</span>
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="hd-hint hd-status-line" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
