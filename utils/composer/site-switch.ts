import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Platform } from '../check/types';
import { settingsItem } from '../storage';

/**
 * Runs `start` while Portavoce is on for this site (options page → Settings), and stops it when the member
 * turns the site off: `start` gets a context of its own, invalidated on "off" (its listeners, observers and
 * overlays go with it) and started again on "on", without reloading the page.
 */
export async function runWhileSiteEnabled(ctx: ContentScriptContext, platform: Platform, start: (siteCtx: ContentScriptContext) => Promise<void>): Promise<void> {
  let running: ContentScriptContext | null = null;
  const apply = (on: boolean) => {
    if (ctx.isInvalid) return;
    if (on && !running) {
      const siteCtx = new ContentScriptContext(`portavoce-${platform}-enabled`, { noScriptStartedPostMessage: true });
      running = siteCtx;
      start(siteCtx).catch((error) => console.warn('Portavoce:', error));
    } else if (!on && running) {
      running.abort('Portavoce turned off for this site');
      running = null;
    }
  };
  // Only an explicit "off" stops it: a settings value that is missing or damaged (no `sites`) leaves it on.
  const isOn = (settings: unknown) => (settings as { sites?: Partial<Record<Platform, boolean>> } | null)?.sites?.[platform] !== false;
  const unwatch = settingsItem.watch((settings) => apply(isOn(settings)));
  ctx.onInvalidated(() => {
    unwatch();
    running?.abort('content script invalidated');
    running = null;
  });
  apply(isOn(await settingsItem.getValue().catch(() => null)));
}
