import { SITE_MATCHES } from '../../utils/sites/matches';
import { adapterForHost } from '../../utils/sites';
import { startComposerController } from '../../utils/composer/controller';
import { runWhileSiteEnabled } from '../../utils/composer/site-switch';

export default defineContentScript({
  matches: SITE_MATCHES,
  async main(ctx) {
    const adapter = adapterForHost(location.hostname);
    if (adapter) await runWhileSiteEnabled(ctx, adapter.platform, (siteCtx) => startComposerController(siteCtx, adapter));
  },
});
