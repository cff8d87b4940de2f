// Where the browser tests find Chromium: the CHROMIUM_PATH setting, then the names Chromium and Chrome have
// on PATH, then where their installers put them on macOS and Windows. Any Chromium-based browser that
// playwright-core can drive will do; none is ever downloaded. Without one, the browser tests are skipped with
// one line saying how to get them, except in CI, where they fail (decision 0092).
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const NAMES_ON_PATH = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome'];

const INSTALLED: Partial<Record<NodeJS.Platform, string[]>> = {
  darwin: ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files\\Chromium\\Application\\chrome.exe',
  ],
};

export const HOW_TO_GET_CHROMIUM =
  'install Chromium (Debian/Ubuntu: sudo apt-get install chromium; macOS: brew install --cask chromium, or Google Chrome) or set CHROMIUM_PATH to a Chromium or Chrome executable';

export interface ChromiumSearch {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  exists: (path: string) => boolean;
}

export type ChromiumFound = { path: string } | { path?: undefined; problem: string };

export function findChromium(search: ChromiumSearch = { env: process.env, platform: process.platform, exists: existsSync }): ChromiumFound {
  const { env, platform, exists } = search;
  const setting = env.CHROMIUM_PATH;
  if (setting) {
    // A setting that names nothing is a mistake to report, not a reason to pick another browser.
    return exists(setting) ? { path: setting } : { problem: `CHROMIUM_PATH=${setting} does not exist` };
  }
  const suffix = platform === 'win32' ? '.exe' : '';
  const onPath = (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .flatMap((dir) => NAMES_ON_PATH.map((name) => join(dir, name + suffix)));
  const path = [...onPath, ...(INSTALLED[platform] ?? [])].find(exists);
  return path ? { path } : { problem: `no Chromium or Chrome on PATH (${NAMES_ON_PATH.join(', ')}) nor where installers put it` };
}

/** The one line printed when the browser tests are skipped. */
export function skipLine(problem: string): string {
  return `browser tests skipped: ${problem}; to run them, ${HOW_TO_GET_CHROMIUM}`;
}
