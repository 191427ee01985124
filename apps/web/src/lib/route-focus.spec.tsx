// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { ReactNode, useEffect, useRef, useState } from 'react';
import { createMemoryRouter, Link, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { useDocumentTitle, useHeadingFocusOnNavigation } from './route-focus';

afterEach(cleanup);

function Shell({ children, title }: { children: ReactNode; title: string }) {
  const main = useRef<HTMLElement>(null);
  useHeadingFocusOnNavigation(main);
  useDocumentTitle(title);
  return (
    <>
      <nav>
        <Link to="/">Forside</Link> <Link to="/data">Data</Link>
      </nav>
      <main ref={main}>{children}</main>
    </>
  );
}

/** A page whose heading comes with its data, a moment after it is shown. */
function LoadingPage({ release }: { release: (show: () => void) => void }) {
  const [ready, setReady] = useState(false);
  useEffect(() => release(() => setReady(true)), [release]);
  return ready ? <h1>Data</h1> : <p>Henter…</p>;
}

function setup() {
  let show: () => void = () => undefined;
  const router = createMemoryRouter([
    { path: '/', element: <Shell title="Forside – Aftalerum"><h1>Forside</h1><input aria-label="Søg" /></Shell> },
    {
      path: '/data',
      element: (
        <Shell title="Data – Aftalerum">
          <LoadingPage release={(s) => (show = s)} />
        </Shell>
      ),
    },
  ]);
  render(<RouterProvider router={router} />);
  return { router, show: () => act(() => show()) };
}

describe('focus and title on navigation', () => {
  it('leaves focus alone on the first load, and sets the title', () => {
    setup();
    expect(document.activeElement).toBe(document.body);
    expect(document.title).toBe('Forside – Aftalerum');
  });

  it('moves focus to the new page’s heading once it appears, and back on the way home', async () => {
    const { router, show } = setup();
    await act(() => router.navigate('/data'));
    expect(document.title).toBe('Data – Aftalerum');
    expect(document.activeElement).toBe(document.body);
    show();
    await act(async () => undefined);
    const heading = screen.getByRole('heading', { name: 'Data' });
    expect(document.activeElement).toBe(heading);
    expect(heading.getAttribute('tabindex')).toBe('-1');

    await act(() => router.navigate('/'));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Forside' }));
  });
});
