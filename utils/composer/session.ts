import type { CheckResult, Finding, Level, QuietPeriod } from '../check/types';
import type { CompiledPolicy } from '../check/engine';
import type { Policy, PolicyMember } from '../policy/schema';
import type { ComposerMatch, SiteAdapter } from '../sites/types';
import { readEditor, type TextMap } from './text-map';
import { KeptRects, boxKey } from './kept-rects';
import { replaceRange } from './replace';
import { clipRects, isCovered, visibleBox, type Point } from './geometry';
import { isTextField, TextareaMirror } from './textarea-mirror';
import { renderOverlay, unmountOverlay, type OverlayModel, type OverlayRect } from '../../components/overlay';
import { hostAttributes } from '../overlay/findings';

/** What a session needs from the page-wide controller. */
export interface SessionEnv {
  adapter: SiteAdapter;
  /** The compiled policy; null while the engine is still loading (the controller rechecks once it is in). */
  engine(): CompiledPolicy | null;
  policy(): Policy;
  member(): PolicyMember | null;
  locale: OverlayModel['locale'];
  optionsUrl: string;
  openOptions(): void;
  /** The calendar's part: quiet periods for the check, "Planned today" for the badge (absent: none). */
  calendar?: { quietPeriods(): QuietPeriod[]; plannedToday(): string | null };
  /** Writes the audit entry of an override; `sessions` are the composers the held publish would send. */
  override(sessions: ComposerSession[], reason: string): Promise<void>;
}

const LEVEL_RANK: Record<Level, number> = { suggestion: 0, warning: 1, error: 2 };
/** After this many failures in a row the session turns itself off for this composer. */
export const MAX_ERRORS = 5;

/** One watched compose box: its overlay host, its latest check, its gate. */
export class ComposerSession {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private map: TextMap | null = null;
  result: CheckResult | null = null;
  private readonly ignored = new Set<string>();
  /** The open gate: the control it held and every composer that control publishes (a thread's posts). */
  private gate: { control: HTMLElement | null; group: ComposerSession[] } | null = null;
  /** Our own click after an override: the gate lets exactly this one through. */
  allowOnce: HTMLElement | null = null;
  /**
   * After an override of a keyboard send with no control to click for it (a box whose send button we
   * cannot find), the member's next send key goes through until this time (performance.now()).
   */
  allowSendUntil = 0;
  private errors = 0;
  private disabled = false;
  private frame = 0;
  private readonly observer: MutationObserver;
  private readonly resizeObserver: ResizeObserver;
  private mirror: TextareaMirror | null = null;
  /** Where the editor was when the underlines were last measured, and whether they showed. */
  private drawnAt = '';
  private shown = true;
  /** The last covering test: the visible box it was made in, and its answer. */
  private cover = { at: '', covered: false };
  /** The host's attributes as last set: setting one again, even unchanged, costs a style invalidation. */
  private readonly hostAttrs = new Map<string, string>();
  private revision = 0;
  private readonly keptRects: KeptRects;
  private readonly onInput = () => this.schedule();
  private readonly onResize = () => this.remeasure();

  constructor(readonly match: ComposerMatch, private readonly env: SessionEnv) {
    this.host = document.createElement('portavoce-overlay');
    this.host.dataset.platform = env.adapter.platform;
    this.host.dataset.surface = match.surface;
    this.host.style.cssText = 'position:fixed;left:0;top:0;width:0;height:0;z-index:2147483646;';
    this.root = this.host.attachShadow({ mode: 'open' });
    // Beside the editor, never inside it: the top of the editor's own tree (the document or LinkedIn's shadow root).
    const treeRoot = match.editor.getRootNode();
    (treeRoot instanceof ShadowRoot ? treeRoot : document.body).append(this.host);
    this.observer = new MutationObserver(this.onInput);
    this.observer.observe(match.editor, { childList: true, subtree: true, characterData: true });
    match.editor.addEventListener('input', this.onInput);
    this.keptRects = new KeptRects(match.editor);
    // Line wrapping changes when the editor's width does, whatever resized it (not only the window).
    this.resizeObserver = new ResizeObserver(this.onResize);
    this.resizeObserver.observe(match.editor);
    this.schedule();
  }

  get editor(): HTMLElement {
    return this.match.editor;
  }

  controls(): HTMLElement[] {
    return this.env.adapter.publishControls(this.editor);
  }

  sendsOn(event: KeyboardEvent): boolean {
    return this.env.adapter.isSendKey(event, this.match);
  }

  schedule(): void {
    if (this.frame === 0 && !this.disabled) this.frame = requestAnimationFrame(() => this.update());
  }

  /** Reads, checks and draws now; failures count towards turning the session off. */
  update(): void {
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.frame = 0;
    const engine = this.env.engine();
    if (this.disabled || engine === null) return;
    try {
      this.map = readEditor(this.editor);
      const member = this.env.member();
      this.result = engine.check(
        { text: this.map.text, platform: this.env.adapter.platform, surface: this.match.surface },
        { ...(member ? { memberId: member.id } : {}), now: Date.now(), quietPeriods: this.env.calendar?.quietPeriods() ?? [] },
      );
      this.render();
      this.errors = 0;
    } catch (error) {
      this.fail(error);
    }
  }

  /** Re-measures underlines without checking again (scroll, resize). */
  remeasure(): void {
    if (!this.disabled && this.result) this.safely(() => this.render());
  }

  /**
   * After a change elsewhere in the page (a banner above, a sidebar opening, a modal over the editor):
   * draws again if the editor moved, or (`retest`) was covered, hidden or shown.
   */
  remeasureIfMoved(retest = true): void {
    if (this.disabled || !this.result || this.frame !== 0) return;
    this.safely(() => {
      const moved = boxKey(this.editor.getBoundingClientRect()) !== this.drawnAt;
      if (moved || (retest && this.isShown(visibleBox(this.editor), true) !== this.shown)) this.render();
    });
  }

  /**
   * Whether our overlay should show at all: not for an editor that is hidden or covered by the page (but always
   * with the gate open). The hit tests are costly, so a keystroke reuses the last answer while the visible box
   * stays where it was; a change elsewhere in the page asks again (`retest`, from remeasureIfMoved).
   */
  private isShown(box: DOMRect, retest = false): boolean {
    if (this.gate) return true;
    if (box.width < 1 || box.height < 1) return false;
    const at = boxKey(box);
    if (retest || at !== this.cover.at) this.cover = { at, covered: isCovered(this.editor, box) };
    return !this.cover.covered;
  }

  private visibleFindings(): Finding[] {
    const findings = this.result?.findings ?? [];
    // Nothing ignored (the usual case): no key to make for each finding (the text past X's limit is thousands of characters).
    if (this.ignored.size === 0) return findings;
    return findings.filter((f) => !this.ignored.has(ignoreKey(f)));
  }

  /** Findings at or above the policy's gate level: what holds the Post button. */
  blocking(): Finding[] {
    const gate = this.env.policy().gate;
    if (gate === 'off' || this.disabled) return [];
    return this.visibleFindings().filter((f) => LEVEL_RANK[f.level] >= LEVEL_RANK[gate]);
  }

  /** Opens the gate for a held publish of `control`, which sends every composer of `group` (this one among them). */
  openGate(control: HTMLElement | null, group: ComposerSession[] = [this]): void {
    this.gate = { control, group: group.includes(this) ? group : [this, ...group] };
    this.render();
  }

  /** The composers the open gate holds (just this one unless a thread shares the Post button). */
  gateGroup(): ComposerSession[] {
    return this.gate?.group ?? [this];
  }

  /** Measures findings' rects for this drawing: through the mirror for a text field, else with kept rects (kept-rects.ts). */
  private measurer(map: TextMap, box: DOMRect, origin: Point): (start: number, end: number) => OverlayRect[] {
    const editor = this.editor;
    if (isTextField(editor)) {
      this.mirror ??= new TextareaMirror(this.root);
      const measure = this.mirror.measure(editor);
      return (start, end) => clipRects(measure(start, end), box, origin);
    }
    return this.keptRects.measurer(map, box, origin);
  }

  private render(): void {
    const findings = this.visibleFindings();
    const box = visibleBox(this.editor);
    this.shown = this.isShown(box);
    const display = this.shown ? '' : 'none';
    if (this.host.style.display !== display) this.host.style.display = display;
    // The host is fixed at the viewport's origin unless an ancestor is a containing block (transform, filter).
    const origin = this.host.getBoundingClientRect();
    const shift = (r: OverlayRect): OverlayRect => ({ ...r, left: r.left - origin.left, top: r.top - origin.top });
    const measure = this.measurer(this.map!, box, origin);
    const underlines = findings.map((finding) => ({ finding, rects: measure(finding.start, finding.end) }));
    const editorBox = this.editor.getBoundingClientRect();
    this.drawnAt = boxKey(editorBox);
    const member = this.env.member();
    // Which drawing the overlay shows, for tests and the benchmark: a redraw may change nothing else.
    this.host.dataset.revision = String(++this.revision);
    for (const [name, value] of Object.entries(hostAttributes(findings, this.result?.topics ?? []))) {
      if (this.hostAttrs.get(name) === String(value)) continue;
      this.hostAttrs.set(name, String(value));
      this.host.setAttribute(name, String(value));
    }
    renderOverlay(this.root, {
      platform: this.env.adapter.platform,
      surface: this.match.surface,
      locale: this.env.locale,
      theme: pageTheme(),
      findings,
      underlines,
      topics: this.result?.topics ?? [],
      member: member ? { id: member.id, name: member.name } : null,
      optionsUrl: this.env.optionsUrl,
      plannedToday: this.env.calendar?.plannedToday() ?? null,
      // The editor's bottom-right corner, or the visible part's when it is scrolled partly out of sight.
      badgeAnchor: { left: Math.min(editorBox.right, box.right) - origin.left, top: Math.min(editorBox.bottom, box.bottom) - origin.top },
      // The list and the card must never cover the site's own Post/Reply/Send button.
      // Asked for only while the list or a card is open.
      avoid: () => this.controls().map((control) => control.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0)
        .map((r) => shift({ left: r.left, top: r.top, width: r.width, height: r.height })),
      gate: this.gate ? { findings: this.gate.group.flatMap((s) => s.blocking()), policyName: this.env.policy().name } : null,
    }, {
      apply: (finding, replacement) => void this.apply(finding, replacement),
      ignore: (finding) => {
        this.ignored.add(ignoreKey(finding));
        this.safely(() => this.render());
      },
      gateEdit: () => {
        this.gate = null;
        this.safely(() => this.render());
        this.editor.focus();
      },
      gatePublish: (reason) => void this.publishAnyway(reason),
      openOptions: () => this.env.openOptions(),
    });
  }

  private async apply(finding: Finding, replacement: string): Promise<void> {
    const map = readEditor(this.editor);
    if (map.text.slice(finding.start, finding.end) !== finding.match) return this.update();
    await replaceRange(map, finding.start, finding.end, replacement);
    this.schedule();
  }

  private async publishAnyway(reason: string): Promise<void> {
    if (!this.gate) return; // a second click while the first one is writing its entry
    const control = this.gate.control ?? this.controls()[0] ?? null;
    const group = this.gateGroup();
    this.gate = null;
    this.safely(() => this.render());
    await this.env.override(group, reason);
    if (control) {
      this.allowOnce = control;
      control.click();
      this.allowOnce = null;
    } else {
      this.allowSendUntil = performance.now() + 30_000;
      this.editor.focus();
    }
  }

  private safely(action: () => void): void {
    try {
      action();
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    this.errors++;
    console.warn('Portavoce:', error);
    if (this.errors >= MAX_ERRORS) this.turnOff();
  }

  /** Turns Portavoce off for this composer: the notice instead of checks, and nothing held from now on. */
  turnOff(): void {
    if (this.disabled) return;
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.gate = null;
    this.disabled = true;
    this.host.dataset.disabled = 'true';
    try {
      renderOverlay(this.root, disabledModel(this.env, this.match), noActions(this.env));
    } catch {
      unmountOverlay(this.root);
    }
  }

  destroy(): void {
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.observer.disconnect();
    this.keptRects.destroy();
    this.resizeObserver.disconnect();
    this.editor.removeEventListener('input', this.onInput);
    this.mirror?.destroy();
    unmountOverlay(this.root);
    this.host.remove();
  }
}

function ignoreKey(f: Finding): string {
  return `${f.ruleId}\u0000${f.match}`;
}

/** The page's background as last read, and its theme (or null: transparent, the system's theme decides). */
let themeOf = { background: '', theme: null as 'light' | 'dark' | null };

function pageTheme(): 'light' | 'dark' {
  const background = getComputedStyle(document.body).backgroundColor;
  if (background !== themeOf.background) themeOf = { background, theme: backgroundTheme(background) };
  return themeOf.theme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
}

function backgroundTheme(background: string): 'light' | 'dark' | null {
  const color = background.match(/\d+(\.\d+)?/g)?.map(Number) ?? [255, 255, 255];
  const [r = 255, g = 255, b = 255, alpha = 1] = color;
  if (alpha === 0) return null;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light';
}

function disabledModel(env: SessionEnv, match: ComposerMatch): OverlayModel {
  const box = match.editor.getBoundingClientRect();
  return {
    platform: env.adapter.platform, surface: match.surface, locale: env.locale, theme: pageTheme(),
    findings: [], underlines: [], topics: [], member: null, optionsUrl: env.optionsUrl,
    badgeAnchor: { left: box.right, top: box.bottom }, gate: null,
    notice: env.locale === 'it' ? 'Portavoce è spento per questo riquadro dopo un errore.' : 'Portavoce is off for this box after an error.',
  };
}

function noActions(env: SessionEnv) {
  return { apply() {}, ignore() {}, gateEdit() {}, gatePublish() {}, openOptions: () => env.openOptions() };
}
