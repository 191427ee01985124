import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { KeyboardEvent, useRef, useState } from 'react';

interface ToolbarButton {
  id: string;
  label: string;
  /** What the button shows; the label is its accessible name. */
  icon: string;
  shortcut: string;
  /** aria-keyshortcuts value. */
  keys: string;
  /** Toggles have aria-pressed; actions (undo, redo) do not. */
  pressed: boolean | null;
  enabled: boolean;
  run: (focusEditor: boolean) => void;
  groupStart?: boolean;
}

/**
 * The formatting toolbar: one tab stop, arrow keys move between the buttons (the ARIA
 * toolbar pattern); buttons that cannot act now stay focusable with aria-disabled.
 */
export function EditorToolbar({
  editor,
  controls,
  openSectionMenu,
  sectionMenuOpen,
}: {
  editor: Editor;
  controls: string;
  /** Opens the section menu (insert, move, remove) under this button. */
  openSectionMenu: (anchor: HTMLElement) => void;
  sectionMenuOpen: boolean;
}) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      heading: e.isActive('heading', { level: 2 }),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      canBold: e.can().toggleBold(),
      canItalic: e.can().toggleItalic(),
      canHeading: e.can().toggleHeading({ level: 2 }),
      canBulletList: e.can().toggleBulletList(),
      canOrderedList: e.can().toggleOrderedList(),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  // A click returns to the text; a key press leaves focus in the toolbar for the next command.
  const chain = (focusEditor: boolean) => (focusEditor ? editor.chain().focus() : editor.chain());
  const buttons: ToolbarButton[] = [
    { id: 'bold', label: 'Fed', icon: 'F', shortcut: 'Ctrl+B', keys: 'Control+B', pressed: state.bold, enabled: state.canBold, run: (f) => chain(f).toggleBold().run() },
    { id: 'italic', label: 'Kursiv', icon: 'K', shortcut: 'Ctrl+I', keys: 'Control+I', pressed: state.italic, enabled: state.canItalic, run: (f) => chain(f).toggleItalic().run() },
    {
      id: 'heading',
      label: 'Overskrift 2',
      icon: 'H2',
      shortcut: 'Ctrl+Alt+2',
      keys: 'Control+Alt+2',
      pressed: state.heading,
      enabled: state.canHeading,
      run: (f) => chain(f).toggleHeading({ level: 2 }).run(),
      groupStart: true,
    },
    {
      id: 'bulletList',
      label: 'Punktliste',
      icon: '•≡',
      shortcut: 'Ctrl+Skift+8',
      keys: 'Control+Shift+8',
      pressed: state.bulletList,
      enabled: state.canBulletList,
      run: (f) => chain(f).toggleBulletList().run(),
    },
    {
      id: 'orderedList',
      label: 'Nummereret liste',
      icon: '1.≡',
      shortcut: 'Ctrl+Skift+7',
      keys: 'Control+Shift+7',
      pressed: state.orderedList,
      enabled: state.canOrderedList,
      run: (f) => chain(f).toggleOrderedList().run(),
    },
    { id: 'undo', label: 'Fortryd', icon: '↶', shortcut: 'Ctrl+Z', keys: 'Control+Z', pressed: null, enabled: state.canUndo, run: (f) => chain(f).undo().run(), groupStart: true },
    { id: 'redo', label: 'Gentag', icon: '↷', shortcut: 'Ctrl+Y', keys: 'Control+Y', pressed: null, enabled: state.canRedo, run: (f) => chain(f).redo().run() },
    {
      id: 'sections',
      label: 'Afsnit',
      icon: '§ Afsnit ▾',
      shortcut: 'Skift+F10 i teksten, eller / i et tomt afsnit',
      keys: 'Shift+F10',
      pressed: null,
      enabled: true,
      run: () => {
        const anchor = refs.current[buttons.length - 1];
        if (anchor) openSectionMenu(anchor);
      },
      groupStart: true,
    },
  ];

  const [active, setActive] = useState(0);
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const moveTo = (index: number) => {
    const next = (index + buttons.length) % buttons.length;
    setActive(next);
    refs.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, () => void> = {
      ArrowRight: () => moveTo(active + 1),
      ArrowLeft: () => moveTo(active - 1),
      Home: () => moveTo(0),
      End: () => moveTo(buttons.length - 1),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatering" aria-controls={controls} onKeyDown={onKeyDown}>
      {buttons.map((button, index) => (
        <button
          key={button.id}
          ref={(element) => {
            refs.current[index] = element;
          }}
          type="button"
          className={`toolbar__button toolbar__button--${button.id}${button.groupStart ? ' toolbar__button--group' : ''}`}
          aria-label={button.label}
          aria-pressed={button.pressed ?? undefined}
          aria-haspopup={button.id === 'sections' ? 'menu' : undefined}
          aria-expanded={button.id === 'sections' ? sectionMenuOpen : undefined}
          aria-disabled={!button.enabled}
          aria-keyshortcuts={button.keys}
          title={`${button.label} (${button.shortcut})`}
          tabIndex={index === active ? 0 : -1}
          onFocus={() => setActive(index)}
          // Keep the editor's selection: clicking a button must not move focus away first.
          onMouseDown={(event) => event.preventDefault()}
          onClick={(event) => {
            // detail is 0 when the button was pressed with Enter or Space.
            if (button.enabled) button.run(event.detail !== 0);
          }}
        >
          <span aria-hidden="true">{button.icon}</span>
        </button>
      ))}
    </div>
  );
}
