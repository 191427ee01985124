import { SECTION_KIND_LABELS, SectionKind } from '@aftalerum/editor';
import type { Editor } from '@tiptap/react';
import { KeyboardEvent, useEffect, useRef } from 'react';

/** The order and Danish names of the insert commands. */
const INSERTS: Array<{ kind: SectionKind; label: string }> = [
  { kind: 'PREAMBLE', label: 'Indsæt indledning' },
  { kind: 'VISION', label: 'Indsæt vision' },
  { kind: 'FOCUS_AREA', label: 'Indsæt fokusområde' },
  { kind: 'GOAL', label: 'Indsæt mål' },
  { kind: 'PRINCIPLE', label: 'Indsæt princip' },
  { kind: 'ANNEX', label: 'Indsæt tillæg' },
  { kind: 'OTHER', label: 'Indsæt andet afsnit' },
];

interface MenuItem {
  id: string;
  label: string;
  shortcut?: string;
  enabled: boolean;
  /** What a screen reader hears once it is done. */
  done: string;
  run: () => boolean;
  separatorBefore?: boolean;
}

export interface SectionMenuPlace {
  /** Where the menu opens, in viewport pixels. */
  top: number;
  left: number;
  /** What opened it: the slash command puts a "/" back when closed without a choice. */
  source: 'toolbar' | 'context' | 'slash';
}

interface SectionMenuProps {
  editor: Editor;
  place: SectionMenuPlace;
  /** chose: whether a command ran (focus then goes to the text). */
  onClose: (chose: boolean) => void;
  /** Tells the polite live region what happened. */
  announce: (message: string) => void;
}

/**
 * Insert, move and remove sections: one menu for the toolbar's "Afsnit" button, the context
 * menu (right click, Shift+F10, the menu key) and "/" in an empty paragraph. The ARIA menu
 * pattern: focus on the first item, arrow keys, Home/End, Enter, Escape back to where it was.
 */
export function SectionMenu({ editor, place, onClose, announce }: SectionMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const can = editor.can();
  const items: MenuItem[] = [
    ...INSERTS.map(({ kind, label }) => ({
      id: `insert-${kind}`,
      label,
      enabled: can.insertSection(kind),
      done: `${SECTION_KIND_LABELS[kind]} indsat. Skriv overskriften.`,
      run: () => editor.chain().focus().insertSection(kind).run(),
    })),
    {
      id: 'up',
      label: 'Flyt afsnit op',
      shortcut: 'Alt+Skift+Pil op',
      enabled: can.moveSection('up'),
      done: 'Afsnittet er flyttet op.',
      run: () => editor.chain().focus().moveSection('up').run(),
      separatorBefore: true,
    },
    {
      id: 'down',
      label: 'Flyt afsnit ned',
      shortcut: 'Alt+Skift+Pil ned',
      enabled: can.moveSection('down'),
      done: 'Afsnittet er flyttet ned.',
      run: () => editor.chain().focus().moveSection('down').run(),
    },
    {
      id: 'remove',
      label: 'Fjern afsnit',
      enabled: can.removeSection(),
      done: 'Afsnittet er fjernet. Fortryd med Ctrl+Z.',
      run: () => editor.chain().focus().removeSection().run(),
    },
  ];

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, []);

  const focusItem = (move: (index: number, count: number) => number) => {
    const elements = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = elements.indexOf(document.activeElement as HTMLElement);
    elements[move(index, elements.length)]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => focusItem((i, n) => (i + 1) % n),
      ArrowUp: () => focusItem((i, n) => (i - 1 + n) % n),
      Home: () => focusItem(() => 0),
      End: () => focusItem((_, n) => n - 1),
      Escape: () => onClose(false),
      Tab: () => onClose(false),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      event.stopPropagation();
      action();
    }
  };
  const choose = (item: MenuItem) => {
    if (!item.enabled) return;
    if (item.run()) announce(item.done);
    onClose(true);
  };

  return (
    <div
      ref={ref}
      className="section-menu"
      role="menu"
      aria-label="Afsnit"
      style={{ top: place.top, left: place.left }}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (!ref.current?.contains(event.relatedTarget as Node | null)) onClose(false);
      }}
    >
      {items.map((item) => (
        <div key={item.id} role="none" className={item.separatorBefore ? 'section-menu__group' : undefined}>
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="section-menu__item"
            aria-disabled={!item.enabled}
            aria-keyshortcuts={item.shortcut?.replace('Skift', 'Shift').replace('Pil op', 'ArrowUp').replace('Pil ned', 'ArrowDown')}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(item)}
          >
            <span>{item.label}</span>
            {item.shortcut && <kbd aria-hidden="true">{item.shortcut}</kbd>}
          </button>
        </div>
      ))}
    </div>
  );
}
