import { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { PHASE_LABELS } from '../../agreements/graphql/agreements';
import type { AgreementHead } from '../graphql/timeline';
import '../timeline.css';

interface Props {
  agreement: AgreementHead;
  heading: string;
  headingId: string;
  children?: ReactNode;
}

/** The title of one of the agreement's pages, the agreement and its phase, and the agreement's pages as tabs. */
export function AgreementHeader({ agreement, heading, headingId, children }: Props) {
  const base = `/aftaler/${agreement.id}`;
  return (
    <header className="tl-header">
      <p className="tl-header__back">
        <Link to="/">← Alle aftaler</Link>
      </p>
      <div className="tl-header__row">
        <div>
          <p className="tl-header__agreement">{agreement.title}</p>
          <h1 id={headingId}>{heading}</h1>
        </div>
        <div className="tl-header__meta">
          <span className="tl-phase-badge">
            <span className="visually-hidden">Fase: </span>
            {PHASE_LABELS[agreement.currentPhase]}
          </span>
          {children}
        </div>
      </div>
      <nav className="tl-tabs" aria-label="Aftalens sider">
        <NavLink to={`${base}/tidslinje`}>Tidslinje</NavLink>
        <NavLink to={`${base}/godkendelser`}>Godkendelser</NavLink>
        <NavLink to={`${base}/overblik`}>Overblik</NavLink>
        <NavLink to={base} end>
          Udkast
        </NavLink>
        <NavLink to={`${base}/input`}>Inputrunder</NavLink>
        <NavLink to={`${base}/hoeringer`}>Høringer</NavLink>
      </nav>
    </header>
  );
}

/** Loading and error states shared by the agreement's pages. */
export function PageState({ loading, error, missing }: { loading: boolean; error: string | null; missing: boolean }) {
  return (
    <>
      {loading && (
        <p className="tl-loading" aria-live="polite">
          Henter aftalen…
        </p>
      )}
      {/* Every page has a heading, also when the agreement is not there (focus goes to it after navigation). */}
      {error && (
        <>
          <h1>Aftalen kunne ikke hentes</h1>
          <p className="error" role="alert">
            {error}
          </p>
        </>
      )}
      {missing && (
        <>
          <h1>Aftalen findes ikke</h1>
          <p role="alert">Aftalen findes ikke, eller du har ikke adgang til den.</p>
        </>
      )}
    </>
  );
}
