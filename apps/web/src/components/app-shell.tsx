import { ReactNode } from 'react';
import { NavLink, useMatch } from 'react-router';
import { ROLE_LABELS } from '../features/auth/graphql/auth';
import { useAuth } from '../features/auth/hooks/use-auth';

export function AppShell({ children }: { children: ReactNode }) {
  const { user, signOut } = useAuth();
  // The editor needs the width for its outline, the draft and the versions side by side.
  const wide = useMatch('/aftaler/:id') !== null;
  return (
    <>
      <a className="skip-link" href="#indhold">
        Gå til indhold
      </a>
      <header className="topbar">
        <span className="brand">Aftalerum</span>
        <nav aria-label="Hovedmenu">
          <NavLink to="/" end>
            Aftaler
          </NavLink>
          <NavLink to="/input">Inputrunder</NavLink>
          <NavLink to="/hoeringer">Høringer</NavLink>
          <NavLink to="/word">Word</NavLink>
        </nav>
        {user && (
          <div className="who">
            <span>
              {user.name} · {ROLE_LABELS[user.role]}, {user.organisation.name}
            </span>
            <button type="button" onClick={() => void signOut()}>
              Log ud
            </button>
          </div>
        )}
      </header>
      <main id="indhold" className={wide ? 'content content--wide' : 'content'}>
        {children}
      </main>
    </>
  );
}
