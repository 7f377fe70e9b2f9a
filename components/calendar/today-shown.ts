// When today is on screen: the popup benchmark's marks (tests/bench/popup.bench.ts), and the moment the
// popup's live part (Dexie, the coming days) may start without competing with today's first frame.

/** Element Timing identifiers: on the first row (or "nothing" line) of today's sections, and of the coming days. */
export const TODAY_MARK = 'popup-today';
export const COMING_MARK = 'popup-coming';
export const ELEMENT_TIMING = typeof PerformanceObserver !== 'undefined' && !!PerformanceObserver.supportedEntryTypes?.includes('element');

let todayShown: () => void = () => {};
const shown = new Promise<void>((resolve) => (todayShown = resolve));

/**
 * The popup benchmark's marks, by the browser's own clock from the navigation's start: <html data-today-shown>
 * when today's rows (or its "nothing" line) were painted, data-coming-shown when the coming days' were (the
 * frame after). Without Element Timing (Firefox), CalendarPopup marks performance.now() after today's first
 * paint instead.
 */
export function watchTodayPainted(): void {
  if (!ELEMENT_TIMING) return todayShown();
  const marks = { [TODAY_MARK]: 'todayShown', [COMING_MARK]: 'comingShown' } as const;
  const root = document.documentElement;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & { identifier?: string; renderTime?: number })[]) {
      const key = marks[e.identifier as keyof typeof marks];
      if (key && !root.dataset[key]) root.dataset[key] = String(e.renderTime || e.startTime);
    }
    if (root.dataset.todayShown) todayShown();
    if (root.dataset.todayShown && root.dataset.comingShown) observer.disconnect();
  });
  observer.observe({ type: 'element', buffered: true });
}

/** At most this long after it is first asked for (a hidden page paints nothing: no Element Timing entry). */
const SHOWN_WAIT_MS = 250;
let waiting: Promise<void> | undefined;

/**
 * Resolves once today's first frame is on screen. Work started right after the render (loading and opening
 * Dexie, the coming days' query) would otherwise take the processor from that frame's paint and display.
 */
export function afterTodayShown(): Promise<void> {
  return (waiting ??= Promise.race([shown, new Promise<void>((resolve) => setTimeout(resolve, document.hidden ? 0 : SHOWN_WAIT_MS))]));
}
