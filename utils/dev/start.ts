// npm start: after the build, opens Chromium with the extension loaded (embedded demo policy),
// or, where there is no display, says what to load by hand.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const extension = resolve('.output/chrome-mv3');
const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const browser = candidates.find((path): path is string => !!path && existsSync(path));
const hasDisplay = !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.platform !== 'linux';

if (!existsSync(join(extension, 'manifest.json'))) {
  console.error(`No build at ${extension}: run "npm run build" first.`);
  process.exit(1);
}
if (!browser || !hasDisplay) {
  console.log(`Built the extension with the embedded demo policy in:\n  ${extension}\n`);
  console.log(!browser ? 'No Chromium found (set CHROME_PATH).' : 'No display found, so no browser was started.');
  console.log('To try it: open chrome://extensions, turn on Developer mode, "Load unpacked" and pick that folder.');
  console.log(`Firefox: "npm run build:firefox", then about:debugging → "Load Temporary Add-on" → .output/firefox-mv3/manifest.json.`);
  process.exit(0);
}
const profile = mkdtempSync(join(tmpdir(), 'portavoce-profile-'));
console.log(`Starting ${browser} with ${extension} (profile ${profile})`);
spawn(browser, [
  `--user-data-dir=${profile}`,
  `--disable-extensions-except=${extension}`,
  `--load-extension=${extension}`,
  '--no-first-run',
  'https://www.linkedin.com/feed/',
  'https://x.com/home',
], { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
