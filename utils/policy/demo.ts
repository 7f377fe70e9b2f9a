import type { PolicyInput } from './schema';

/** What a new install uses until a company policy arrives: every rule kind, three members, English and Italian. */
export const DEMO_POLICY: PolicyInput = {
  version: 1,
  name: 'Portavoce demo policy',
  locale: 'en',
  gate: 'error',
  platforms: { x: { maxLength: 280 }, linkedin: { maxLength: 3000 } },
  members: [
    { id: 'giulia', name: 'Giulia Rossi', role: 'Customer care', topics: ['product-support', 'events'] },
    { id: 'marco', name: 'Marco Bianchi', role: 'Investor relations', topics: ['financial-results', 'company-news', 'events'] },
    { id: 'sara', name: 'Sara Conti', role: 'Marketing', topics: ['promotions', 'product-launch', 'events', 'company-news'] },
  ],
  topics: [
    {
      id: 'product-support',
      label: { en: 'Product support', it: 'Assistenza prodotto' },
      keywords: ['support', 'assistenza', 'ticket', 'bug', 'help desk', 'guasto', 'riparazione'],
      hashtags: ['#AcmeSupport'],
    },
    {
      id: 'financial-results',
      label: { en: 'Financial results', it: 'Risultati finanziari' },
      keywords: ['revenue', 'fatturato', 'earnings', 'utile', 'EBITDA', 'guidance', 'trimestrale', 'quarterly results', 'dividendo'],
      restricted: true,
    },
    {
      id: 'events',
      label: { en: 'Events', it: 'Eventi' },
      keywords: ['webinar', 'evento', 'conference', 'conferenza', 'fiera', 'meetup', 'workshop'],
    },
    {
      id: 'company-news',
      label: { en: 'Company news', it: 'Notizie aziendali' },
      keywords: ['acquisition', 'acquisizione', 'partnership', 'new office', 'nuova sede', 'assunzioni', 'hiring'],
    },
    {
      id: 'promotions',
      label: { en: 'Promotions', it: 'Promozioni' },
      keywords: ['discount', 'sconto', 'offerta', 'promo', 'coupon', 'limited time'],
    },
    {
      id: 'product-launch',
      label: { en: 'Product launch', it: 'Lancio prodotto' },
      keywords: ['launch', 'lancio', 'Acme Nova', 'anteprima', 'preview'],
    },
  ],
  rules: [
    {
      id: 'profanity', kind: 'terms', level: 'error', lists: ['profanity'],
      message: { en: '“{match}” does not belong on a company channel.', it: '«{match}» non è adatto a un canale aziendale.' },
    },
    {
      id: 'confidential', kind: 'terms', level: 'error', terms: ['Project Phoenix', 'Atlas 2', 'codename Orion'],
      message: { en: '“{match}” is confidential.', it: '«{match}» è riservato.' },
    },
    {
      id: 'brand-names', kind: 'substitution', level: 'warning', caseSensitive: true,
      swap: { 'acme cloud': 'Acme Cloud', ACME: 'Acme', 'Acme nova': 'Acme Nova' },
    },
    {
      id: 'invoice-numbers', kind: 'pattern', level: 'error', pattern: 'INV-[0-9]{6}',
      message: { en: 'Invoice numbers are internal.', it: 'I numeri di fattura sono interni.' },
    },
    { id: 'shouting', kind: 'capitals', level: 'warning', maxRatio: 0.5, minLetters: 12 },
    { id: 'exclamations', kind: 'punctuation', level: 'suggestion', maxRepeat: 1 },
    { id: 'emoji', kind: 'emoji', level: 'suggestion', max: 3 },
    { id: 'hashtags', kind: 'hashtags', level: 'suggestion', max: { x: 2, linkedin: 5 } },
    {
      id: 'competitors', kind: 'mentions', level: 'warning', handles: ['@globex', '@initech'], names: ['Globex', 'Initech'],
      message: { en: 'Leave competitors out of company posts.', it: 'Non citare i concorrenti nei post aziendali.' },
    },
    { id: 'links', kind: 'links', level: 'warning', allow: ['acme.example', 'linkedin.com', 'x.com'], shorteners: 'error' },
    { id: 'personal-data', kind: 'pii', level: 'error', detect: ['email', 'phone', 'iban', 'card'] },
    {
      id: 'ad-disclosure', kind: 'disclosure', level: 'error', when: { topics: ['promotions'] },
      require: ['#ad', '#adv', '#sponsored', '#pubblicità'],
      message: { en: 'Promotional posts need a disclosure such as #ad.', it: 'I post promozionali richiedono #adv o simili.' },
    },
    { id: 'length', kind: 'length', level: 'error' },
    { id: 'tone', kind: 'sentiment', level: 'warning', below: -3 },
    { id: 'topics', kind: 'topics', level: 'warning', restricted: 'error' },
    { id: 'quiet-periods', kind: 'quiet-period', level: 'error' },
  ],
};
