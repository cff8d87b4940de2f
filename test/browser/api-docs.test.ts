// The API reference as people see it, in headless Chromium at a desktop width and a phone width: no
// horizontal scroll, no serious or critical axe-core violation, the policy refusing nothing the page
// needs, and a screenshot of each into test-results/docs/ to look at.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeInBrowser, launchBrowser, listeningTestSim, type TestBrowser } from '../helpers/browser.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = 'test-results/docs';
const setup = listeningTestSim();
const browsers: Record<number, TestBrowser> = {};

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

/** axe-core, evaluated through DevTools: the page's policy rightly refuses a <script> element added to it. */
async function axe(page: Page): Promise<AxeResult['violations']> {
  await page.evaluate(AXE);
  const result = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as AxeResult;
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describeInBrowser('the API reference in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const width of [1280, 390]) browsers[width] = await launchBrowser({ width, height: 900 });
  });
  afterAll(async () => {
    for (const b of Object.values(browsers)) await b.close();
  });

  describe.each([
    ['little-pay', '/docs'],
    ['simulator', '/docs/simulator'],
  ])('the %s reference', (name, path) => {
    it.each([1280, 390])('at %i px: no horizontal scroll, no serious axe violation, its stylesheet applied', { timeout: 90_000 }, async (width) => {
      const page = await browsers[width]!.context.newPage();
      const blocked: string[] = [];
      page.on('console', (m) => m.text().includes('Content Security Policy') && blocked.push(m.text()));
      await page.goto(`${setup().app.sim.ctx.publicUrl()}${path}`);
      expect(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBeLessThanOrEqual(0);
      expect(await page.evaluate('getComputedStyle(document.body).fontFamily')).toContain('system-ui');
      expect(blocked).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: false });
      await page
        .locator('section.op')
        .nth(1)
        .screenshot({ path: `${SHOTS}/${name}-${width}-operation.png` });
      const violations = await axe(page);
      expect(
        violations.map(
          (v) =>
            `${v.id}: ${v.help} (${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(', ')})`,
        ),
      ).toEqual([]);
      await page.close();
    });
  });
});
