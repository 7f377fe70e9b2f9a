import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { settingsItem } from '../../utils/storage';
import { resolveLocale, translatorFor, type Translate, type UiLocale } from '../../utils/i18n';

export interface Translator {
  t: Translate;
  locale: UiLocale;
}

/** The translator of the member's settings, read once (a page can have it before its first render). */
export async function loadTranslator(): Promise<Translator> {
  const { language } = await settingsItem.getValue().catch(() => ({ language: 'auto' as const }));
  return { t: await translatorFor(language).catch(() => i18n.t), locale: resolveLocale(language) };
}

/**
 * The pages' texts in the language of the member's settings, following changes made in another view.
 * With `initial` (from loadTranslator), the first render is already in the right language.
 */
export function useTranslator(initial?: Translator): Translator {
  const [translator, setTranslator] = useState<Translator>(() => initial ?? { t: i18n.t, locale: resolveLocale('auto') });
  useEffect(() => {
    let live = true;
    const apply = async (language: Parameters<typeof translatorFor>[0]) => {
      const t = await translatorFor(language).catch(() => i18n.t);
      if (live) setTranslator({ t, locale: resolveLocale(language) });
    };
    if (!initial) void settingsItem.getValue().then((s) => apply(s.language));
    const unwatch = settingsItem.watch((s) => void apply((s ?? { language: 'auto' }).language));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return translator;
}
