import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Finding } from '../../utils/check/types';
import { countByLevel, findingKey } from '../../utils/overlay/findings';
import { activeElementOf } from '../../utils/overlay/focus';
import { countsPhrase, stringsFor } from '../../utils/overlay/i18n';
import type { Box } from '../../utils/overlay/placement';
import { BadgeWhenChanged } from './Badge';
import { Card, CARD_WIDTH } from './Card';
import { Gate } from './Gate';
import type { OverlayActions, OverlayModel } from './index';
import { OVERLAY_CSS } from './styles';
import { Underlines } from './Underlines';
import { useDismiss } from './useDismiss';

interface OpenCard {
  key: string;
  /** Which piece of a multi-line finding the card hangs from. */
  piece: number;
  /** A hovered card closes when the pointer leaves; a pinned one (click, keyboard) waits for Escape or an outside click. */
  mode: 'hover' | 'pinned';
  /** The list item that opened it; focus goes into the card and back there on Escape. */
  opener: HTMLElement | null;
}

const HOVER_CLOSE_MS = 300;
const NOTHING: Box[] = [];

function resolveAvoid(avoid: OverlayModel['avoid']): Box[] {
  return typeof avoid === 'function' ? avoid() : (avoid ?? NOTHING);
}

function locate(model: OverlayModel, key: string): { finding: Finding; rects: Box[] } | null {
  const underline = model.underlines.find((u) => findingKey(u.finding) === key);
  const finding = model.findings.find((f) => findingKey(f) === key) ?? underline?.finding;
  return finding ? { finding, rects: underline?.rects ?? [] } : null;
}

function isUnderline(node: EventTarget): boolean {
  const element = node as Partial<Element>;
  return typeof element.hasAttribute === 'function' && element.hasAttribute('data-finding');
}

export function Overlay({ model, actions, doc }: { model: OverlayModel; actions: OverlayActions; doc: Document }) {
  const strings = stringsFor(model.locale);
  const [card, setCard] = useState<OpenCard | null>(null);
  const [listOpen, setListOpen] = useState(false);
  const cardRef = useRef<HTMLDivElement>(null);
  const badgeRef = useRef<HTMLDivElement>(null);
  const pillRef = useRef<HTMLButtonElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const gateOpen = model.gate !== null;
  const target = card !== null && !gateOpen ? locate(model, card.key) : null;

  const cancelClose = () => {
    clearTimeout(timer.current);
    timer.current = undefined;
  };
  const scheduleClose = () => {
    cancelClose();
    timer.current = setTimeout(() => setCard((c) => (c?.mode === 'hover' ? null : c)), HOVER_CLOSE_MS);
  };
  const open = (finding: Finding, piece: number, mode: OpenCard['mode'], opener: HTMLElement | null = null) => {
    cancelClose();
    const next: OpenCard = { key: findingKey(finding), piece, mode, opener };
    setCard((current) => (mode === 'hover' && current?.mode === 'pinned' ? current : next));
  };
  const closeCard = (restoreFocus: boolean) => {
    cancelClose();
    if (restoreFocus && card?.opener?.isConnected) card.opener.focus();
    setCard(null);
  };

  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    if (!gateOpen) return;
    setCard(null);
    setListOpen(false);
  }, [gateOpen]);
  // The finding went away (fixed, ignored, edited): its card goes with it.
  useEffect(() => {
    if (card !== null && target === null && !gateOpen) setCard(null);
  }, [card !== null, target !== null]);

  useDismiss(doc, (target !== null || listOpen) && !gateOpen, {
    inside: (path) => path.some((node) => node === cardRef.current || node === badgeRef.current || isUnderline(node)),
    outside: () => {
      if (card !== null) closeCard(false);
      setListOpen(false);
    },
    escape: () => {
      if (target !== null) {
        closeCard(true);
        return true;
      }
      if (!listOpen) return false;
      const badge = badgeRef.current;
      const focused = badge ? activeElementOf(badge) : null;
      setListOpen(false);
      if (badge && focused && badge.contains(focused)) pillRef.current?.focus();
      return true;
    },
  });

  const view = doc.defaultView;
  const viewport = { width: view?.innerWidth ?? 1024, height: view?.innerHeight ?? 768 };
  const { badgeAnchor } = model;
  const fallbackAnchor: Box = { left: badgeAnchor.left - CARD_WIDTH, top: badgeAnchor.top, width: 0, height: 0 };
  const counts = countByLevel(model.findings);
  const avoid = (target !== null || listOpen) && !gateOpen ? resolveAvoid(model.avoid) : NOTHING;
  const phrase = useMemo(() => countsPhrase(model.locale, counts), [model.locale, counts.error, counts.warning, counts.suggestion]);
  const stop = (event: Event) => event.stopPropagation();

  return (
    <div class={`pv pv-${model.theme}`} lang={model.locale} onKeyDown={stop} onKeyUp={stop} onKeyPress={stop}>
      <style>{OVERLAY_CSS}</style>
      <Underlines
        underlines={model.underlines}
        onHover={(finding, piece) => open(finding, piece, 'hover')}
        onLeave={scheduleClose}
        onClick={(finding, piece) => open(finding, piece, 'pinned')}
      />
      <BadgeWhenChanged
        model={model}
        strings={strings}
        counts={counts}
        avoid={avoid}
        listOpen={listOpen && !gateOpen}
        viewport={viewport}
        badgeRef={badgeRef}
        pillRef={pillRef}
        onToggle={() => setListOpen((isOpen) => !isOpen)}
        onOpenFinding={(finding, opener) => open(finding, 0, 'pinned', opener)}
        onOpenOptions={() => actions.openOptions()}
      />
      {card !== null && target !== null && (
        <Card
          key={card.key}
          cardRef={cardRef}
          finding={target.finding}
          anchor={target.rects[card.piece] ?? target.rects[0] ?? fallbackAnchor}
          viewport={viewport}
          avoid={avoid}
          strings={strings}
          autoFocus={card.opener !== null}
          onEnter={cancelClose}
          onLeave={scheduleClose}
          onApply={(replacement) => {
            // The fix changes the draft: the list that led here would be stale, so it closes with the card.
            closeCard(false);
            setListOpen(false);
            actions.apply(target.finding, replacement);
          }}
          onIgnore={() => {
            closeCard(false);
            actions.ignore(target.finding);
          }}
        />
      )}
      {model.gate !== null && (
        <Gate gate={model.gate} strings={strings} onEdit={() => actions.gateEdit()} onPublish={(reason) => actions.gatePublish(reason)} />
      )}
      <div class="sr" role="status" aria-live="polite" aria-atomic="true" data-live>
        {phrase}
      </div>
    </div>
  );
}
