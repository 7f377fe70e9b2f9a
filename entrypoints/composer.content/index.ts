export default defineContentScript({
  matches: ['https://www.linkedin.com/*', 'https://x.com/*', 'https://twitter.com/*'],
  main() {},
});
