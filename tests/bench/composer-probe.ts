// What runs in the page (main world) while the benchmark types: installProbe is serialized by
// page.evaluate, so it must stay self-contained (types only from outside).

export interface KeyRecord {
  key: string;
  /** keydown event.timeStamp */
  down: number;
  /** the editor's DOM changed (MutationObserver) */
  dom?: number;
  /** our requestAnimationFrame callback in the frame after that change */
  raf?: number;
  /** a MessageChannel task posted from that callback (an upper bound of the frame's end: see below) */
  afterFrame?: number;
  /** first overlay mutation after the DOM change */
  overlay?: number;
}

export interface PageRecord {
  keys: KeyRecord[];
  longTasks: { startTime: number; duration: number }[];
  start: number;
  end: number;
}

/** Installs the probe; `host` is the overlay host (null without the extension). */
export function installProbe([editor, host]: [Element, Element | null]): void {
  const keys: KeyRecord[] = [];
  const record: PageRecord = { keys, longTasks: [], start: 0, end: 0 };
  (window as unknown as { __composerBench: PageRecord }).__composerBench = record;
  let domAt = 0; // keys[0, domAt) have seen their DOM change
  let frameAt = 0;
  let overlayAt = 0;
  let rafPending = false;
  const channel = new MessageChannel();
  channel.port1.onmessage = (event: MessageEvent<[number, number]>) => {
    const now = performance.now();
    for (let i = event.data[0]; i < event.data[1]; i++) keys[i]!.afterFrame = now;
  };
  window.addEventListener('keydown', (event) => {
    if (event.isTrusted) keys.push({ key: event.key, down: event.timeStamp });
  }, true);
  new MutationObserver(() => {
    const now = performance.now();
    for (; domAt < keys.length; domAt++) keys[domAt]!.dom = now;
    if (rafPending) return;
    rafPending = true;
    requestAnimationFrame(() => {
      rafPending = false;
      const at = performance.now();
      for (let i = frameAt; i < domAt; i++) keys[i]!.raf = at;
      channel.port2.postMessage([frameAt, domAt]);
      frameAt = domAt;
    });
  }).observe(editor, { childList: true, subtree: true, characterData: true });
  if (host) {
    const observer = new MutationObserver(() => {
      const now = performance.now();
      for (; overlayAt < domAt; overlayAt++) keys[overlayAt]!.overlay = now;
    });
    observer.observe(host, { attributes: true });
    observer.observe(host.shadowRoot!, { attributes: true, childList: true, subtree: true, characterData: true });
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) record.longTasks.push({ startTime: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
}
