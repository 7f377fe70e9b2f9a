import { adapterForHost } from '../../utils/sites';
import { startComposerController } from '../../utils/composer/controller';
import { runWhileSiteEnabled } from '../../utils/composer/site-switch';

export default defineContentScript({
  matches: ['https://www.linkedin.com/*', 'https://x.com/*', 'https://twitter.com/*'],
  async main(ctx) {
    const adapter = adapterForHost(location.hostname);
    if (adapter) await runWhileSiteEnabled(ctx, adapter.platform, (siteCtx) => startComposerController(siteCtx, adapter));
  },
});
