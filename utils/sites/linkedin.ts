import type { Surface } from '../check/types';
import type { ComposerMatch, SiteAdapter } from './types';

/** Every LinkedIn selector, in one place. */
export const LINKEDIN_SELECTORS = {
  /** 2026 layout: the share dialog (and sometimes messaging) lives in this open shadow root. */
  interopOutlet: 'div#interop-outlet[data-testid="interop-shadowdom"], div#interop-outlet',
  /** "Start a post" share box: Quill. */
  shareEditor: '.share-creation-state__text-editor .ql-editor[contenteditable="true"], .ql-editor[contenteditable="true"][aria-label="Text editor for creating content"]',
  sharePublish: 'button.share-actions__primary-action',
  shareDialog: '[role="dialog"], .share-box, .share-creation-state',
  /** New feed comments: TipTap / ProseMirror inside the comment box, submit button without a <form>. */
  commentEditor: 'div[data-view-name="comment-box"] .ProseMirror[contenteditable="true"]',
  commentBox: 'div[data-view-name="comment-box"]',
  commentSubmit: 'button[type="submit"]',
  /** Legacy post page comments: Quill inside a form. */
  legacyCommentEditor: 'form.comments-comment-box__form .ql-editor[contenteditable="true"]',
  legacyCommentForm: 'form.comments-comment-box__form',
  legacyCommentSubmit: '.comments-comment-box__submit-button--cr, button.comments-comment-box__submit-button',
  /** Messaging: Enter sends by default. */
  messageEditor: 'div.msg-form__contenteditable[contenteditable="true"][role="textbox"], div.msg-form__contenteditable[role="textbox"]',
  messageForm: 'form.msg-form, .msg-form',
  messageSend: 'button.msg-form__send-button',
} as const;

/**
 * Most specific first: the legacy comment form's Quill carries the same aria-label as the share box's
 * ("Text editor for creating content"), so the share box's fallback selector matches it too.
 */
const KINDS: { selector: string; surface: Surface }[] = [
  { selector: LINKEDIN_SELECTORS.legacyCommentEditor, surface: 'comment' },
  { selector: LINKEDIN_SELECTORS.commentEditor, surface: 'comment' },
  { selector: LINKEDIN_SELECTORS.messageEditor, surface: 'message' },
  { selector: LINKEDIN_SELECTORS.shareEditor, surface: 'post' },
];

function climbFor(editor: HTMLElement, container: string, control: string): HTMLElement[] {
  const box = editor.closest(container);
  return box ? [...box.querySelectorAll<HTMLElement>(control)] : [];
}

export const linkedinAdapter: SiteAdapter = {
  platform: 'linkedin',
  shadowRoots(doc) {
    const roots: ShadowRoot[] = [];
    for (const host of doc.querySelectorAll(LINKEDIN_SELECTORS.interopOutlet)) if (host.shadowRoot) roots.push(host.shadowRoot);
    return roots;
  },
  findComposers(root) {
    const found: ComposerMatch[] = [];
    const seen = new Set<Element>();
    for (const { selector, surface } of KINDS) {
      for (const editor of root.querySelectorAll<HTMLElement>(selector)) {
        if (seen.has(editor)) continue;
        seen.add(editor);
        found.push({ editor, surface });
      }
    }
    return found;
  },
  publishControls(editor) {
    if (editor.matches(LINKEDIN_SELECTORS.messageEditor)) return climbFor(editor, LINKEDIN_SELECTORS.messageForm, LINKEDIN_SELECTORS.messageSend);
    if (editor.matches(LINKEDIN_SELECTORS.commentEditor)) return climbFor(editor, LINKEDIN_SELECTORS.commentBox, LINKEDIN_SELECTORS.commentSubmit);
    if (editor.matches(LINKEDIN_SELECTORS.legacyCommentEditor)) {
      return climbFor(editor, LINKEDIN_SELECTORS.legacyCommentForm, LINKEDIN_SELECTORS.legacyCommentSubmit);
    }
    // The share dialog: the primary action sits in the dialog's footer.
    for (let node: HTMLElement | null = editor; node; node = node.parentElement) {
      const buttons = node.querySelectorAll<HTMLElement>(LINKEDIN_SELECTORS.sharePublish);
      if (buttons.length > 0) return [...buttons];
    }
    return [];
  },
  isSendKey(event, match) {
    return match.surface === 'message' && event.key === 'Enter' && !event.shiftKey && !event.isComposing;
  },
};
