import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Portavoce',
    description: 'Checks your drafts on LinkedIn and X against your company’s social media policy, on your device.',
    permissions: ['storage', 'alarms'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'portavoce@portavoce.example',
              strict_min_version: '140.0',
              // Drafts never leave the device: nothing is collected.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
