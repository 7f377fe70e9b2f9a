import { useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface MenuItem {
  /** The item's `data-action` (the e2e tests' hook). */
  action: string;
  label: string;
  run(): void;
}

interface Props {
  /** The menu button's accessible name (its visible text is "⋯"). */
  label: string;
  /** Called only when the menu opens: a closed menu creates no items (a popup has one per row). */
  items(): MenuItem[];
}

/**
 * One row's actions behind one button (the WAI-ARIA menu button pattern): Enter, Space or ArrowDown open it
 * on the first item, ArrowUp on the last; arrows, Home and End move; Escape closes and returns to the button;
 * Tab or a click elsewhere closes it.
 */
export function RowMenu({ label, items }: Props) {
  const [open, setOpen] = useState<'first' | 'last' | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const entries = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const focusAt = (index: number) => {
    const list = entries();
    list[(index + list.length) % list.length]?.focus();
  };
  const close = (refocus: boolean) => {
    setOpen(null);
    if (refocus) button.current?.focus();
  };

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    setOpen(event.key === 'ArrowDown' ? 'first' : 'last');
  };
  const onMenuKey = (event: KeyboardEvent) => {
    const list = entries();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: list.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      focusAt(moves[event.key]!);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  };
  // In the render's own task: a key pressed right after opening already goes to the item.
  useLayoutEffect(() => {
    if (open) focusAt(open === 'first' ? 0 : -1);
  }, [open]);

  return (
    <div class="entry-actions" onFocusOut={(event) => open && !event.currentTarget.contains(event.relatedTarget as Node | null) && close(false)}>
      <button
        ref={button}
        type="button"
        class="menu-button"
        data-action="actions"
        aria-haspopup="menu"
        aria-expanded={open ? 'true' : 'false'}
        aria-label={label}
        onClick={() => (open ? close(false) : setOpen('first'))}
        onKeyDown={onButtonKey}
      >
        ⋯
      </button>
      {open && (
        <div ref={menu} class="menu" role="menu" aria-label={label} onKeyDown={onMenuKey}>
          {items().map((item) => (
            <button key={item.action} type="button" role="menuitem" tabIndex={-1} data-action={item.action} onClick={() => (close(true), item.run())}>
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
