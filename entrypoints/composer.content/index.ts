import { adapterForHost } from '../../utils/sites';
import { startComposerController } from '../../utils/composer/controller';

export default defineContentScript({
  matches: ['https://www.linkedin.com/*', 'https://x.com/*', 'https://twitter.com/*'],
  async main(ctx) {
    const adapter = adapterForHost(location.hostname);
    if (adapter) await startComposerController(ctx, adapter);
  },
});
