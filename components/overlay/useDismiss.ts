import { useEffect, useRef } from 'preact/hooks';

export interface DismissHandlers {
  /** Whether a pointer-down with this composed path happened inside what is open. */
  inside(path: EventTarget[]): boolean;
  outside(): void;
  /** Handles Escape; returns true when it closed something (the key is then kept from the page). */
  escape(): boolean;
}

/**
 * While `active`, listens on the document in the capture phase for an outside pointer-down and for Escape.
 * Capture, because the page may stop propagation; the listeners exist only while something is open.
 */
export function useDismiss(doc: Document, active: boolean, handlers: DismissHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    if (!active) return;
    const onPointerDown = (event: Event) => {
      if (!latest.current.inside(event.composedPath())) latest.current.outside();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.isComposing) return;
      if (latest.current.escape()) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    doc.addEventListener('pointerdown', onPointerDown, true);
    doc.addEventListener('keydown', onKeyDown, true);
    return () => {
      doc.removeEventListener('pointerdown', onPointerDown, true);
      doc.removeEventListener('keydown', onKeyDown, true);
    };
  }, [doc, active]);
}
