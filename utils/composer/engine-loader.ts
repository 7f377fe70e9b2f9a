// Loads the engine into the content script when the first compose box mounts. The content script stays
// small (adapters, composer layer, overlay); the engine (ENGINE_FILE) and re2js (RE2JS_FILE, only for a
// policy whose patterns need it) are ES modules of the extension, imported through runtime.getURL: in
// Chromium that is the per-session dynamic URL their web_accessible_resources entry requires.
import { browser } from 'wxt/browser';
import type { CompiledPolicy } from '../check/engine';
import type { Policy } from '../policy/schema';
import { ENGINE_FILE, RE2JS_FILE } from './engine-files';

export type EngineModule = typeof import('./engine-module');
/** Imports one of the extension's module files (tests pass their own). */
export type ModuleImporter = (file: string) => Promise<unknown>;

export const importExtensionModule: ModuleImporter = (file) =>
  // A full URL on purpose: the extension's files are not the page's to resolve, and under use_dynamic_url
  // only runtime.getURL knows the session's address.
  import(/* @vite-ignore */ browser.runtime.getURL(`/${file}` as '/engine/engine.js'));

/** Loads the engine module once, and re2js once when a policy needs it; compiles policies with them. */
export class EngineLoader {
  private engine: Promise<EngineModule> | null = null;
  private re2js: Promise<void> | null = null;

  constructor(private readonly importModule: ModuleImporter = importExtensionModule) {}

  async compile(policy: Policy): Promise<CompiledPolicy> {
    this.engine ??= this.importModule(ENGINE_FILE) as Promise<EngineModule>;
    const engine = await this.engine;
    if (engine.policyNeedsRe2(policy)) {
      this.re2js ??= (this.importModule(RE2JS_FILE) as Promise<Parameters<EngineModule['provideRe2']>[0]>).then(engine.provideRe2);
      await this.re2js;
    }
    // In slices: a large policy's automaton would otherwise hold the page's main thread for tens of ms.
    return engine.compileInSlices(policy, yieldToPage);
  }
}

/** Lets the page handle input and paint before the next slice (scheduler.yield where the browser has it). */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}
