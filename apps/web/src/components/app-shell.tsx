import { ReactNode, useEffect, useId, useRef, useState } from 'react';
import { NavLink, useLocation, useMatch } from 'react-router';
import { ROLE_LABELS } from '../features/auth/graphql/auth';
import { useAuth } from '../features/auth/hooks/use-auth';
import { titleForPath } from '../lib/page-titles';
import { useDocumentTitle, useHeadingFocusOnNavigation } from '../lib/route-focus';

/**
 * The frame of every signed-in page: the skip link, the header with the main menu and the
 * person, and the page. On a wide screen the menu is a row in the header; on a narrow one it is
 * behind a "Menu" button (a disclosure: aria-expanded, Escape closes and returns focus to the
 * button, choosing a page or leaving the menu closes it), so no page is wider than the screen.
 */
export function AppShell({ children }: { children: ReactNode }) {
  const { user, signOut } = useAuth();
  const { pathname } = useLocation();
  // The editor needs the width for its outline, the draft and the versions side by side.
  const wide = useMatch('/aftaler/:id') !== null;
  const main = useRef<HTMLElement>(null);
  useDocumentTitle(titleForPath(pathname));
  useHeadingFocusOnNavigation(main);
  const menu = useMenu(pathname);

  return (
    <>
      <a className="skip-link" href="#indhold">
        Gå til indhold
      </a>
      <header className="topbar" ref={menu.header}>
        <span className="brand">Aftalerum</span>
        <button
          type="button"
          className="topbar__toggle"
          ref={menu.toggle}
          aria-expanded={menu.open}
          aria-controls={menu.id}
          onClick={() => menu.setOpen(!menu.open)}
        >
          <span className="topbar__toggle-icon" aria-hidden="true" />
          Menu
        </button>
        <div className="topbar__menu" id={menu.id} data-open={menu.open}>
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
        </div>
      </header>
      <main id="indhold" ref={main} className={wide ? 'content content--wide' : 'content'}>
        {children}
      </main>
    </>
  );
}

/** The narrow screen's menu: open state, closing on navigation, Escape, a click or focus outside. */
function useMenu(pathname: string) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const header = useRef<HTMLElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  // A chosen page closes the menu (focus then goes to the page's heading).
  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    const outside = (target: EventTarget | null) => target instanceof Node && !header.current?.contains(target);
    // On click, not on pointerdown: closing shifts the page up, and the tap must land where it was aimed.
    const onClick = (event: MouseEvent) => {
      if (outside(event.target)) setOpen(false);
    };
    // Tabbing out of the menu closes it, so it does not cover the page one has moved on to. A press
    // of the mouse moves focus too, before its click: that case is left to the click.
    let pressing = false;
    const onPointerDown = () => (pressing = true);
    const onPointerUp = () => (pressing = false);
    const onFocusIn = (event: FocusEvent) => {
      if (!pressing && outside(event.target)) setOpen(false);
    };
    const listeners = [
      ['keydown', onKeyDown],
      ['click', onClick],
      ['pointerdown', onPointerDown],
      ['pointerup', onPointerUp],
      ['focusin', onFocusIn],
    ] as const;
    for (const [type, listener] of listeners) document.addEventListener(type, listener as EventListener, true);
    return () => {
      for (const [type, listener] of listeners) document.removeEventListener(type, listener as EventListener, true);
    };
  }, [open]);

  return { open, setOpen, id, header, toggle };
}
