import { ReactNode } from 'react';
import '../hearings.css';

/** The frame of the pages that need no login: a skip link, a plain top bar and the main landmark. */
export function PublicLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <>
      <a className="skip-link" href="#indhold">
        Gå til indhold
      </a>
      <header className="topbar">
        <a className="brand hd-public-brand" href="/">
          Aftalerum
        </a>
        <span className="hd-public-tagline">Sundhedsaftalen – høring</span>
      </header>
      <main id="indhold" className={wide ? 'content content--wide' : 'content'}>
        {children}
      </main>
    </>
  );
}
