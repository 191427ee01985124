import { RefObject, useEffect, useLayoutEffect, useRef } from 'react';
import { useLocation } from 'react-router';

const TYPING = 'input, textarea, select, [contenteditable="true"]';

/**
 * Focuses the page's heading (`h1`) in `container`. Returns false while the page has none yet
 * (its data or its code is still loading). Someone already typing on the new page keeps their place.
 */
export function focusHeading(container: HTMLElement): boolean {
  const heading = container.querySelector('h1');
  if (!heading) return false;
  const active = document.activeElement;
  if (active instanceof HTMLElement && container.contains(active) && active.matches(TYPING)) return true;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus();
  return true;
}

/**
 * After a navigation inside the app, moves focus to the new page's heading, so a screen reader
 * announces where the person landed and Tab starts from the top of the page, as after a page
 * load. Not on the first load: there the browser's own start (the skip link) is right.
 */
export function useHeadingFocusOnNavigation(container: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const previous = useRef<string | null>(null);
  useEffect(() => {
    const from = previous.current;
    previous.current = pathname;
    const main = container.current;
    if (from === null || from === pathname || !main) return;
    if (focusHeading(main)) return;
    // The page's heading comes with its data: wait for it (until the next navigation).
    const observer = new MutationObserver(() => {
      if (focusHeading(main)) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [pathname, container]);
}

/**
 * Sets the document title for the address. A layout effect, so that it runs before the pages'
 * own effects: a page that knows a more precise title (a hearing's name) sets it after this.
 */
export function useDocumentTitle(title: string): void {
  useLayoutEffect(() => {
    document.title = title;
  }, [title]);
}
