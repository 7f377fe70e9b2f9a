import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Portavoce',
    description: 'Checks your drafts on LinkedIn and X against your company’s social media policy, on your device.',
    permissions: ['storage', 'alarms'],
  },
});
