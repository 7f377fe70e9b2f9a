// Every composer of the issue is found, checked with the right platform and surface, badged, and
// forgotten when it unmounts: X (home, /compose/post over the inline box, replies, quotes, threads,
// the mobile <textarea>) and LinkedIn (share box in the light DOM and in #interop-outlet's shadow
// root, TipTap and legacy comments, messaging).
import { describe, expect, it } from 'vitest';

import { focused, overlayCount, overlayOf, SEL, setMember, typeInto, useHarness } from './composer-helpers';

const h = useHarness();
const { open } = h;

/** Text with exactly one error (confidential), one warning (brand-names) and one suggestion (exclamations). */
const ONE_OF_EACH = 'Project Phoenix by ACME!!';

describe('X composers', () => {
  it('home inline composer', async () => {
    const page = await open('https://x.com/home');
    const editor = page.locator(SEL.xEditor()).first();
    await typeInto(editor, ONE_OF_EACH);
    const overlay = await overlayOf(editor);
    await expect.poll(() => overlay.getAttribute('data-errors')).toBe('1');
    expect(await overlay.getAttribute('data-warnings')).toBe('1');
    expect(await overlay.getAttribute('data-suggestions')).toBe('1');
    expect(await overlay.getAttribute('data-platform')).toBe('x');
    expect(await overlay.getAttribute('data-surface')).toBe('post');
  });

  it('/compose/post modal while the inline composer stays mounted underneath', async () => {
    const page = await open('https://x.com/compose/post');
    const modal = page.locator(`${SEL.xDialog} ${SEL.xEditor()}`);
    const inline = page.locator(`.x-home-composer ${SEL.xEditor()}`);
    await expect.poll(() => inline.count()).toBe(1);
    await expect.poll(() => overlayCount(page)).toBe(2);
    await focused(modal);
    await page.keyboard.type(ONE_OF_EACH);
    const modalOverlay = await overlayOf(modal);
    // The inline composer's overlay hides under the modal's mask (it would otherwise float over the modal).
    const inlineOverlay = page.locator('portavoce-overlay:not([data-e2e])');
    await expect.poll(() => modalOverlay.getAttribute('data-errors')).toBe('1');
    expect(await modalOverlay.getAttribute('data-surface')).toBe('post');
    expect(await inlineOverlay.getAttribute('data-errors')).toBe('0');
    expect(await inlineOverlay.evaluate((host) => getComputedStyle(host).display)).toBe('none');
    expect(await modalOverlay.evaluate((host) => getComputedStyle(host).display)).not.toBe('none');
    // The modal's Post button belongs to the modal's editor, not to the inline one.
    await page.locator(SEL.xModalButton).click();
    await expect.poll(() => modalOverlay.locator('[data-gate]').count()).toBe(1);
    expect(await inlineOverlay.locator('[data-gate]').count()).toBe(0);
    // Edit, then close the modal: the inline composer's overlay shows again.
    await modalOverlay.locator('[data-gate] [data-action="edit"]').click();
    await page.keyboard.press('Escape');
    await expect.poll(() => modal.count()).toBe(0);
    await expect.poll(() => inlineOverlay.evaluate((host) => getComputedStyle(host).display)).not.toBe('none');
    await overlayOf(inline);
  });

  it('the modal opened from the side navigation, and closed again', async () => {
    const page = await open('https://x.com/home');
    await page.locator('[data-testid="SideNav_NewTweet_Button"]').click();
    const modal = page.locator(`${SEL.xDialog} ${SEL.xEditor()}`);
    await focused(modal);
    await expect.poll(() => overlayCount(page)).toBe(2);
    await page.keyboard.press('Escape');
    await expect.poll(() => modal.count()).toBe(0);
    await expect.poll(() => overlayCount(page)).toBe(1);
  });

  it('inline reply on a post page', async () => {
    const page = await open('https://x.com/ada/status/1850000000000000001');
    const editor = page.locator(SEL.xEditor());
    await typeInto(editor, 'Call Atlas 2 now');
    const overlay = await overlayOf(editor);
    await expect.poll(() => overlay.getAttribute('data-errors')).toBe('1');
    expect(await overlay.getAttribute('data-surface')).toBe('reply');
  });

  it('reply modal opened from a post in the timeline', async () => {
    const page = await open('https://x.com/home');
    await page.locator('[data-testid="tweet"] [data-testid="reply"]').first().click();
    const editor = page.locator(`${SEL.xDialog} ${SEL.xEditor()}`);
    await focused(editor);
    await page.keyboard.type('About Atlas 2');
    const overlay = await overlayOf(editor);
    await expect.poll(() => overlay.getAttribute('data-errors')).toBe('1');
    expect(await overlay.getAttribute('data-surface')).toBe('reply');
  });

  it('quote modal opened from Repost → Quote', async () => {
    const page = await open('https://x.com/home');
    await page.locator('[data-testid="tweet"] [data-testid="retweet"]').first().click();
    await page.locator('[data-testid="quoteTweet"]').click();
    const editor = page.locator(`${SEL.xDialog} ${SEL.xEditor()}`);
    await focused(editor);
    await page.keyboard.type('So true, ACME agrees');
    const overlay = await overlayOf(editor);
    await expect.poll(() => overlay.getAttribute('data-warnings')).toBe('1');
    expect(await overlay.getAttribute('data-surface')).toBe('quote');
  });

  it.each(['reply', 'quote'])('/compose/post?mode=%s loaded directly', async (mode) => {
    const page = await open(`https://x.com/compose/post?mode=${mode}`);
    const editor = page.locator(`${SEL.xDialog} ${SEL.xEditor()}`);
    await focused(editor);
    await page.keyboard.type('x');
    const overlay = await overlayOf(editor);
    expect(await overlay.getAttribute('data-surface')).toBe(mode);
  });

  it('every post of a thread (tweetTextarea_N) gets its own overlay', async () => {
    const page = await open('https://x.com/home');
    await typeInto(page.locator(SEL.xEditor(0)), 'First post of the thread');
    for (const n of [1, 2]) {
      await page.locator('[data-testid="addButton"]').click();
      const editor = page.locator(SEL.xEditor(n));
      await focused(editor);
      await page.keyboard.type(n === 1 ? 'Then ACME' : 'And Project Phoenix');
    }
    await expect.poll(() => overlayCount(page)).toBe(3);
    const [o0, o1, o2] = [await overlayOf(page.locator(SEL.xEditor(0))), await overlayOf(page.locator(SEL.xEditor(1))), await overlayOf(page.locator(SEL.xEditor(2)))];
    await expect.poll(() => o2.getAttribute('data-errors')).toBe('1');
    expect([await o0.getAttribute('data-warnings'), await o1.getAttribute('data-warnings')]).toEqual(['0', '1']);
    expect(await o2.getAttribute('data-surface')).toBe('post');
  });

  it('mobile layout: the <textarea> composer', async () => {
    const page = await open('https://x.com/home?layout=mobile');
    const editor = page.locator(SEL.xTextarea());
    await typeInto(editor, ONE_OF_EACH);
    const overlay = await overlayOf(editor);
    await expect.poll(() => overlay.getAttribute('data-errors')).toBe('1');
    expect(await overlay.getAttribute('data-surface')).toBe('post');
    await expect.poll(() => overlay.locator('[data-finding][data-rule="confidential"]').count()).toBeGreaterThan(0);
  });
});

describe('LinkedIn composers', () => {
  it.each(['https://www.linkedin.com/feed/', 'https://www.linkedin.com/feed/?layout=2026'])('share box in %s', async (url) => {
    const page = await open(url);
    await page.locator('button[data-fixture="open-share"]').click();
    const editor = page.locator(SEL.liShare);
    await focused(editor);
    await page.keyboard.type(ONE_OF_EACH);
    const overlay = await overlayOf(editor);
    await expect.poll(() => overlay.getAttribute('data-errors')).toBe('1');
    expect(await overlay.getAttribute('data-platform')).toBe('linkedin');
    expect(await overlay.getAttribute('data-surface')).toBe('post');
    const inShadow = await editor.evaluate((el) => el.getRootNode() instanceof ShadowRoot);
    expect(inShadow).toBe(url.includes('2026'));
    // Beside the editor, in the same tree (document or LinkedIn's shadow root), never inside it.
    expect(await overlay.evaluate((host) => host.getRootNode() instanceof ShadowRoot)).toBe(inShadow);
  });

  it('new-feed comment box (TipTap)', async () => {
    const page = await open('https://www.linkedin.com/feed/');
    await page.locator('button.comment-button').first().click();
    const editor = page.locator(SEL.liComment);
    await focused(editor);
    await page.keyboard.type(ONE_OF_EACH);
    const overlay = await overlayOf(editor);
    await expect.poll(() => overlay.getAttribute('data-errors')).toBe('1');
    expect(await overlay.getAttribute('data-surface')).toBe('comment');
  });

  it('legacy post page comment form (Quill)', async () => {
    const page = await open('https://www.linkedin.com/feed/update/urn:li:activity:7300000000000000001/');
    const editor = page.locator(SEL.liLegacy);
    await typeInto(editor, ONE_OF_EACH);
    const overlay = await overlayOf(editor);
    await expect.poll(() => overlay.getAttribute('data-errors')).toBe('1');
    expect(await overlay.getAttribute('data-surface')).toBe('comment');
  });

  it('messaging', async () => {
    const page = await open('https://www.linkedin.com/messaging/thread/2-abc/');
    const editor = page.locator(SEL.liMessage);
    await typeInto(editor, ONE_OF_EACH);
    const overlay = await overlayOf(editor);
    await expect.poll(() => overlay.getAttribute('data-errors')).toBe('1');
    expect(await overlay.getAttribute('data-surface')).toBe('message');
  });
});

describe('covered or hidden editors show nothing of ours', () => {
  const display = (overlay: import('playwright-core').Locator) => overlay.evaluate((host) => getComputedStyle(host).display);

  it.each(['https://www.linkedin.com/feed/', 'https://www.linkedin.com/feed/?layout=2026'])(
    '%s: the share dialog over a comment box hides the comment box\'s overlay until it closes',
    async (url) => {
      const page = await open(url);
      await page.locator('button.comment-button').first().click();
      const comment = page.locator(SEL.liComment);
      await focused(comment);
      await page.keyboard.type('Project Phoenix');
      const overlay = await overlayOf(comment);
      await expect.poll(() => overlay.locator('[data-finding]').count()).toBe(1);
      await page.locator('button[data-fixture="open-share"]').click();
      await expect.poll(() => display(overlay)).toBe('none');
      // Still checked while covered: the counts stay current.
      expect(await overlay.getAttribute('data-errors')).toBe('1');
      await page.locator('button[data-fixture="close-share"]').click();
      await expect.poll(() => display(overlay)).not.toBe('none');
      await overlayOf(comment);
    },
  );

  it('an editor the page hides (display: none) and shows again', async () => {
    const page = await open('https://www.linkedin.com/messaging/thread/2-abc/');
    const editor = page.locator(SEL.liMessage);
    await typeInto(editor, 'Atlas 2');
    const overlay = await overlayOf(editor);
    await expect.poll(() => overlay.locator('[data-finding]').count()).toBe(1);
    await page.evaluate(() => ((document.querySelector('form.msg-form') as HTMLElement).style.display = 'none'));
    await expect.poll(() => display(overlay)).toBe('none');
    await page.evaluate(() => ((document.querySelector('form.msg-form') as HTMLElement).style.display = ''));
    await expect.poll(() => display(overlay)).not.toBe('none');
    await overlayOf(editor);
  });

  it('an editor scrolled out of the window', async () => {
    const page = await open('https://x.com/home');
    const editor = page.locator(SEL.xEditor());
    await typeInto(editor, 'Atlas 2');
    const overlay = await overlayOf(editor);
    await expect.poll(() => overlay.locator('[data-finding]').count()).toBe(1);
    await page.evaluate(() => {
      const spacer = document.createElement('div');
      spacer.style.height = '3000px';
      document.body.append(spacer);
      window.scrollTo(0, 1500);
    });
    await expect.poll(() => display(overlay)).toBe('none');
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => display(overlay)).not.toBe('none');
  });
});

describe('the badge', () => {
  it('counts by level, lists topics and says that no profile is chosen', async () => {
    const page = await open('https://www.linkedin.com/feed/');
    await page.locator('button[data-fixture="open-share"]').click();
    const editor = page.locator(SEL.liShare);
    await focused(editor);
    await page.keyboard.type('Il fatturato cresce: Project Phoenix by ACME!!');
    const overlay = await overlayOf(editor);
    const badge = overlay.locator('[data-badge]');
    await expect.poll(() => badge.locator('[data-count="error"]').textContent()).toContain('1');
    expect(await badge.locator('[data-count="warning"]').textContent()).toContain('1');
    expect(await badge.locator('[data-count="suggestion"]').textContent()).toContain('1');
    expect(await overlay.getAttribute('data-topics')).toBe('financial-results');
    expect(await badge.locator('[data-topic="financial-results"]').getAttribute('data-covered')).toBe('null');
    expect(await badge.locator('[data-action="open-options"]').textContent()).toBe('Choose your profile');
  });

  it('judges topics against the chosen member and stops asking for a profile', async () => {
    await setMember(h, 'giulia');
    try {
      const page = await open('https://www.linkedin.com/feed/');
      await page.locator('button[data-fixture="open-share"]').click();
      const editor = page.locator(SEL.liShare);
      await focused(editor);
      await page.keyboard.type('Join our webinar about the new fatturato');
      const overlay = await overlayOf(editor);
      const badge = overlay.locator('[data-badge]');
      await expect.poll(() => badge.locator('[data-topic="events"]').getAttribute('data-covered')).toBe('true');
      expect(await badge.locator('[data-topic="financial-results"]').getAttribute('data-covered')).toBe('false');
      expect(await badge.locator('[data-action="open-options"]').count()).toBe(0);
    } finally {
      await setMember(h, null);
    }
  });

  it('shows a clean tick on a clean draft', async () => {
    const page = await open('https://x.com/home');
    const editor = page.locator(SEL.xEditor());
    await typeInto(editor, 'Good morning');
    const overlay = await overlayOf(editor);
    await expect.poll(() => overlay.locator('[data-badge] .clean').count()).toBe(1);
    expect(await overlay.locator('[data-badge] [data-count]').count()).toBe(0);
  });
});
