/** The pages the content script runs on; the engine module is web-accessible to these alone. */
export const SITE_MATCHES = ['https://www.linkedin.com/*', 'https://x.com/*', 'https://twitter.com/*'];
