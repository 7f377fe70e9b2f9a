import type { Surface } from '../check/types';
import type { ComposerMatch, SiteAdapter } from './types';

/** Every X selector, in one place. */
export const X_SELECTORS = {
  /** Draft.js editor: the contenteditable carries tweetTextarea_N (0 for the first post of a thread). */
  editor: '[data-testid^="tweetTextarea_"][contenteditable="true"]',
  /** Mobile layout: a plain <textarea> inside the tweetTextarea_N container. */
  mobileEditor: '[data-testid^="tweetTextarea_"] textarea, textarea[data-testid^="tweetTextarea_"]',
  /** Modals (/compose/post, reply and quote dialogs) render into #layers. */
  dialog: '[role="dialog"][aria-modal="true"]',
  /** Home inline box and inline reply. */
  inlineButton: 'button[data-testid="tweetButtonInline"]',
  /** Modal post / reply button. */
  modalButton: 'button[data-testid="tweetButton"]',
  /** Quote composer: the quoted post is shown inside the composer's form. */
  quotedPost: '[data-testid="quoteTweet"], [data-testid="attachments"] [role="link"][tabindex]',
  /** Legacy direct messages. */
  dmEditor: '[data-testid="dmComposerTextInput"]',
  dmSend: '[data-testid="dmComposerSendButton"]',
} as const;

function surfaceOf(editor: HTMLElement): Surface {
  if (editor.matches(X_SELECTORS.dmEditor) || editor.closest(X_SELECTORS.dmEditor)) return 'message';
  const placeholder = (editor.getAttribute('aria-label') ?? '') + ' ' + placeholderText(editor);
  if (/reply/i.test(placeholder)) return 'reply';
  if (/add a comment/i.test(placeholder)) return 'quote';
  const container = editor.closest(X_SELECTORS.dialog) ?? editor.closest('form') ?? editor.parentElement;
  if (container?.querySelector(X_SELECTORS.quotedPost)) return 'quote';
  return 'post';
}

/**
 * Draft.js shows its placeholder in a sibling node only while the editor is empty; keep the last one
 * seen, here and not on the editor: nothing of ours goes into the page's DOM.
 */
const lastPlaceholder = new WeakMap<HTMLElement, string>();
function placeholderText(editor: HTMLElement): string {
  const root = editor.closest('.DraftEditor-root');
  const now = root?.querySelector('.public-DraftEditorPlaceholder-inner')?.textContent ?? (editor as HTMLTextAreaElement).placeholder ?? '';
  if (now) lastPlaceholder.set(editor, now);
  return now || lastPlaceholder.get(editor) || '';
}

export const xAdapter: SiteAdapter = {
  platform: 'x',
  shadowRoots: () => [],
  findComposers(root) {
    const found: ComposerMatch[] = [];
    for (const el of root.querySelectorAll<HTMLElement>(`${X_SELECTORS.editor}, ${X_SELECTORS.mobileEditor}, ${X_SELECTORS.dmEditor}`)) {
      const editor = el.matches(X_SELECTORS.dmEditor) && !el.isContentEditable && !(el instanceof HTMLTextAreaElement)
        ? el.querySelector<HTMLElement>('[contenteditable="true"], textarea') ?? el
        : el;
      found.push({ editor, surface: surfaceOf(editor) });
    }
    return found;
  },
  publishControls(editor) {
    if (editor.closest(X_SELECTORS.dmEditor) || editor.matches(X_SELECTORS.dmEditor)) {
      return [...document.querySelectorAll<HTMLElement>(X_SELECTORS.dmSend)];
    }
    // The toolbar is a sibling subtree of the editor: climb until a container holds a post button.
    for (let node: HTMLElement | null = editor; node; node = node.parentElement) {
      const buttons = node.querySelectorAll<HTMLElement>(`${X_SELECTORS.inlineButton}, ${X_SELECTORS.modalButton}`);
      if (buttons.length > 0) return [...buttons];
      if (node.matches(X_SELECTORS.dialog)) break;
    }
    return [];
  },
  isSendKey(event, match) {
    if (event.key !== 'Enter' || event.isComposing) return false;
    // Direct messages send on a bare Enter; posts, replies and quotes on Ctrl/Cmd+Enter.
    if (match.surface === 'message') return !event.shiftKey;
    return event.ctrlKey || event.metaKey;
  },
};
