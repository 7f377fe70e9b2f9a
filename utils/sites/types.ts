import type { Platform, Surface } from '../check/types';

/** A compose box an adapter recognised: its editable element and what it is for. */
export interface ComposerMatch {
  /** The contenteditable element, or a <textarea>. */
  editor: HTMLElement;
  surface: Surface;
}

/** Everything site-specific: one per site, with all of that site's selectors in its file. */
export interface SiteAdapter {
  platform: Platform;
  /** Shadow roots to search and observe besides the document (LinkedIn's #interop-outlet). */
  shadowRoots(doc: Document): ShadowRoot[];
  /** The compose boxes under a root. */
  findComposers(root: ParentNode): ComposerMatch[];
  /** The buttons that publish what this editor holds. */
  publishControls(editor: HTMLElement): HTMLElement[];
  /** Whether a key event in this editor sends it (Ctrl/Cmd+Enter on X, Enter in LinkedIn messaging). */
  isSendKey(event: KeyboardEvent, match: ComposerMatch): boolean;
}
