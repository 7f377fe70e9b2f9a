import type { ComposerSession } from './session';

/**
 * The publish gate's listeners: capture phase on window, so they run before the site's own handlers
 * (React listens at its root). A trusted click on Post/Reply/Send or a keyboard send while findings at
 * the gate level exist is held and opens the gate; an untrusted one is dropped silently, whatever it is.
 * Anything that goes wrong here lets the event through: Portavoce's own failure never blocks posting.
 */
export function gateListeners(sessions: () => Iterable<ComposerSession>) {
  function hold(event: Event, session: ComposerSession, control: HTMLElement | null): void {
    event.preventDefault();
    event.stopImmediatePropagation();
    if (event.isTrusted) session.openGate(control);
  }

  function onClick(event: MouseEvent): void {
    try {
      const path = event.composedPath();
      for (const session of sessions()) {
        const control = session.controls().find((c) => path.includes(c));
        if (!control) continue;
        if (session.allowOnce === control) return;
        session.update();
        if (session.blocking().length > 0) hold(event, session, control);
        return;
      }
    } catch (error) {
      console.warn('Portavoce gate:', error);
    }
  }

  function onKeydown(event: KeyboardEvent): void {
    try {
      const path = event.composedPath();
      for (const session of sessions()) {
        if (!path.includes(session.editor)) continue;
        if (!session.sendsOn(event)) return;
        session.update();
        if (session.blocking().length > 0) hold(event, session, session.controls()[0] ?? null);
        return;
      }
    } catch (error) {
      console.warn('Portavoce gate:', error);
    }
  }

  return { onClick, onKeydown };
}
