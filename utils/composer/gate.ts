import type { ComposerSession } from './session';

/**
 * The publish gate's listeners: capture phase on window, so they run before the site's own handlers
 * (React listens at its root). A trusted click on Post/Reply/Send or a keyboard send while findings at
 * the gate level exist is held and opens the gate; an untrusted one is dropped silently, whatever it is.
 * One control may publish several composers (X's "Post all" sends every post of a thread): the publish
 * is held when any of them has findings at the gate level.
 * Anything that goes wrong here lets the event through: Portavoce's own failure never blocks posting.
 */
export function gateListeners(sessions: () => Iterable<ComposerSession>) {
  function hold(event: Event, control: HTMLElement | null, group: ComposerSession[]): boolean {
    for (const session of group) session.update();
    const holding = group.filter((s) => s.blocking().length > 0);
    if (holding.length === 0) return false;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (event.isTrusted) holding[0]!.openGate(control, holding);
    return true;
  }

  /** Every session that `control` publishes. */
  function publishedBy(control: HTMLElement): ComposerSession[] {
    return [...sessions()].filter((s) => s.controls().includes(control));
  }

  function onClick(event: MouseEvent): void {
    try {
      const path = event.composedPath();
      for (const session of sessions()) {
        const control = session.controls().find((c) => path.includes(c));
        if (!control) continue;
        const group = publishedBy(control);
        if (group.some((s) => s.allowOnce === control)) return;
        hold(event, control, group);
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
        if (event.isTrusted && session.allowSendUntil > performance.now()) {
          session.allowSendUntil = 0;
          return;
        }
        const control = session.controls()[0] ?? null;
        hold(event, control, control ? publishedBy(control) : [session]);
        return;
      }
    } catch (error) {
      console.warn('Portavoce gate:', error);
    }
  }

  return { onClick, onKeydown };
}
