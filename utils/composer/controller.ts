import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import type { CompiledPolicy } from '../check/engine';
import type { Policy } from '../policy/schema';
import { activePolicyItem, memberItem, settingsItem, type Settings, type ActivePolicy } from '../storage';
import type { AuditEntry } from '../audit/entry';
import { sha256Hex } from '../audit/hash';
import type { Message } from '../messages';
import type { SiteAdapter } from '../sites/types';
import { ComposerSession, type SessionEnv } from './session';
import { gateListeners } from './gate';
import { readEditor } from './text-map';
import { EngineLoader } from './engine-loader';
import { calendarLink } from './calendar-link';

/** The background answers an override within its database wait (5 s) plus storage time; longer means it is stuck. */
const AUDIT_REPLY_WAIT_MS = 8_000;

/**
 * Finds compose boxes as they mount and unmount, and gives each a session; owns the policy, the engine and
 * the gate. The engine is loaded when the first compose box mounts (./engine-loader.ts); until it is, boxes
 * are watched but not checked, and if it cannot be loaded every box shows the "off after an error" notice
 * and nothing is ever held.
 */
export async function startComposerController(
  ctx: ContentScriptContext,
  adapter: SiteAdapter,
  loader: EngineLoader = new EngineLoader(),
): Promise<void> {
  let policy: Policy = (await activePolicy()).policy;
  let engine: CompiledPolicy | null = null;
  let engineState: 'idle' | 'loading' | 'ready' | 'failed' = 'idle';
  /** Bumped on every policy change, so a slower compile of an older policy never wins. */
  let generation = 0;
  let memberId = await memberItem.getValue();
  const sessions = new Map<HTMLElement, ComposerSession>();

  function compileActive(): void {
    const mine = ++generation;
    if (engineState !== 'ready') engineState = 'loading';
    loader.compile(policy).then(
      (compiled) => {
        if (mine !== generation || ctx.isInvalid) return;
        engine = compiled;
        engineState = 'ready';
        recheckAll();
      },
      (error: unknown) => {
        if (mine !== generation || ctx.isInvalid) return;
        console.warn('Portavoce: the engine could not be loaded:', error);
        engine = null;
        engineState = 'failed';
        sessions.forEach((s) => s.turnOff());
      },
    );
  }

  const env: SessionEnv = {
    adapter,
    engine: () => engine,
    policy: () => policy,
    member: () => policy.members.find((m) => m.id === memberId) ?? null,
    locale: overlayLocale((await settingsItem.getValue()).language),
    optionsUrl: browser.runtime.getURL('/options.html'),
    openOptions: () => void browser.runtime.sendMessage({ type: 'options:open' } satisfies Message).catch(() => undefined),
    override: async (held, reason) => {
      // A thread's posts go out together: one entry, the hash of all of them.
      const text = held.map((s) => readEditor(s.editor).text).join('\n\n');
      const entry: AuditEntry = {
        at: new Date().toISOString(),
        platform: adapter.platform,
        surface: held[0]!.match.surface,
        memberId: memberId ?? null,
        rules: unique(held.flatMap((s) => s.blocking()).map((f) => ({ id: f.ruleId, level: f.level }))),
        reason: reason.trim(),
        policyName: policy.name,
        policyVersion: policy.version,
        draftHash: await sha256Hex(text),
      };
      const message: Message = { type: 'audit:append', entry };
      // The background writes the entry ahead before any database call, and answers within seconds; should it
      // not (a stopped or stuck worker), the post goes out anyway: Portavoce's failure never blocks posting.
      const replied = browser.runtime.sendMessage(message).catch((error) => console.warn('Portavoce audit:', error));
      await Promise.race([replied, new Promise((resolve) => setTimeout(resolve, AUDIT_REPLY_WAIT_MS))]);
    },
  };

  const observed = new WeakSet<Node>();
  let scanFrame = 0;
  let fullScan = true; // the first scan, at start, looks for composers
  // Typing changes nothing but the editors' own trees, where no composer can mount: then the next frame only
  // redraws the composers the typing moved (a growing box pushes the next post of a thread down).
  const insideEditors = (record: MutationRecord) => {
    for (const editor of sessions.keys()) if (editor.contains(record.target)) return true;
    return false;
  };
  const observer = new MutationObserver((records) => scheduleScan(!records.every(insideEditors)));
  let measureFrame = 0;
  const remeasureSoon = () => {
    if (measureFrame === 0) measureFrame = requestAnimationFrame(() => ((measureFrame = 0), remeasureAll()));
  };
  /** Editors whose session could not even start: not retried on every scan. */
  const failed = new WeakSet<HTMLElement>();
  const observe = (root: Document | ShadowRoot) => {
    if (observed.has(root)) return;
    observed.add(root);
    observer.observe(root, { childList: true, subtree: true });
    // Scroll events do not leave a shadow root: window never hears a scroll inside LinkedIn's outlet.
    if (root instanceof ShadowRoot) ctx.addEventListener(root, 'scroll', remeasureSoon, { capture: true, passive: true });
  };

  function scan(): void {
    scanFrame = 0;
    const full = fullScan;
    fullScan = false;
    if (!full) return sessions.forEach((session) => session.remeasureIfMoved(false));
    const roots: (Document | ShadowRoot)[] = [document];
    try {
      roots.push(...adapter.shadowRoots(document));
    } catch (error) {
      console.warn('Portavoce:', error);
    }
    roots.forEach(observe);
    const seen = new Set<HTMLElement>();
    for (const root of roots) {
      // One odd root or composer must not keep the others from being found.
      try {
        for (const match of adapter.findComposers(root)) {
          seen.add(match.editor);
          if (sessions.has(match.editor) || failed.has(match.editor)) continue;
          try {
            const session = new ComposerSession(match, env);
            sessions.set(match.editor, session);
            if (engineState === 'failed') session.turnOff();
          } catch (error) {
            failed.add(match.editor);
            console.warn('Portavoce:', error);
          }
        }
      } catch (error) {
        console.warn('Portavoce:', error);
      }
    }
    // The first compose box is what the engine is loaded for.
    if (sessions.size > 0 && engineState === 'idle') compileActive();
    for (const [editor, session] of sessions) {
      if (!seen.has(editor) || !editor.isConnected) {
        session.destroy();
        sessions.delete(editor);
      } else session.remeasureIfMoved();
    }
  }
  /** `full`: look for composers mounting and unmounting too, not only for the known ones moving. */
  function scheduleScan(full = true): void {
    fullScan ||= full;
    if (scanFrame === 0) scanFrame = requestAnimationFrame(scan);
  }

  const recheckAll = () => sessions.forEach((s) => s.schedule());
  const remeasureAll = () => sessions.forEach((s) => s.remeasure());
  const gate = gateListeners(() => sessions.values());
  ctx.addEventListener(window, 'click', gate.onClick, { capture: true });
  ctx.addEventListener(window, 'keydown', gate.onKeydown, { capture: true });
  // After the gate's listeners: a publish the gate holds never counts as published.
  env.calendar = calendarLink(ctx, adapter.platform, () => sessions.values(), () => memberId, () => recheckAll());
  ctx.addEventListener(window, 'scroll', remeasureSoon, { capture: true, passive: true });
  ctx.addEventListener(window, 'resize', remeasureSoon);
  ctx.addEventListener(window, 'wxt:locationchange', () => scheduleScan());
  const unwatchPolicy = activePolicyItem.watch((value) => {
    if (!value) return;
    policy = value.policy;
    // Until a compose box has mounted there is nothing to compile for.
    if (engineState !== 'idle') compileActive();
  });
  const unwatchMember = memberItem.watch((value) => {
    memberId = value;
    recheckAll();
  });
  // The language chosen in the options (or the browser's) for the overlay's own words, live.
  const unwatchSettings = settingsItem.watch((settings) => {
    const locale = overlayLocale(settings?.language ?? 'auto');
    if (locale === env.locale) return;
    env.locale = locale;
    recheckAll();
  });
  ctx.onInvalidated(() => {
    cancelAnimationFrame(scanFrame);
    cancelAnimationFrame(measureFrame);
    observer.disconnect();
    unwatchPolicy();
    unwatchMember();
    unwatchSettings();
    sessions.forEach((s) => s.destroy());
    sessions.clear();
  });
  scan();
}

/** The background owns the policy; on a fresh install it may not have stored it yet: ask it. */
async function activePolicy(): Promise<ActivePolicy> {
  const stored = await activePolicyItem.getValue();
  if (stored) return stored;
  const reply = (await browser.runtime.sendMessage({ type: 'policy:ensure' } satisfies Message)) as { active: ActivePolicy };
  return reply.active;
}

/** The overlay's language: the one chosen in the options, or the browser's. */
function overlayLocale(language: Settings['language']): SessionEnv['locale'] {
  const chosen = language === 'auto' ? navigator.language.toLowerCase().slice(0, 2) : language;
  return chosen === 'it' ? 'it' : 'en';
}

function unique(rules: AuditEntry['rules']): AuditEntry['rules'] {
  const seen = new Set<string>();
  return rules.filter((r) => !seen.has(r.id + r.level) && (seen.add(r.id + r.level), true));
}
