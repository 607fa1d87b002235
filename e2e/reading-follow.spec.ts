import { expect, test } from '@playwright/test';
import { ChatPage } from './pages/chat-page';
import { sampleNewestLine } from './support/follow-samples';

/**
 * While reasoning streams, the open Thinking panel keeps its newest line in view, and so does the
 * page, at any speed (issue 11). The mock provider streams the benchmark's synthetic reasoning at a
 * fixed token rate; "busy" slows Chromium's main thread fourfold (DevTools CPU throttling), as on a
 * loaded machine. Each run prints how many samples showed the newest line. The slowed runs stream
 * longer: a slow machine slowed down is saturated and samples seldom, and it still needs a few.
 */
const RUNS = [
  { rate: 100, tokens: 500, cpuSlowdown: 1 },
  { rate: 1500, tokens: 6000, cpuSlowdown: 1 },
  { rate: 3000, tokens: 12000, cpuSlowdown: 1 },
  { rate: 3000, tokens: 24000, cpuSlowdown: 2 },
  { rate: 3000, tokens: 48000, cpuSlowdown: 4 },
];

test.describe('following a streaming Thinking panel', () => {
  for (const { rate, tokens, cpuSlowdown } of RUNS) {
    const busy = cpuSlowdown > 1 ? `, main thread ${cpuSlowdown}× slower` : '';
    test(`the newest reasoning line stays in view at ${rate} tok/s${busy}`, async ({ page }) => {
      test.setTimeout(60_000);
      const chat = new ChatPage(page);
      await chat.openWithMock(`bench:r=${tokens},a=40,rate=${rate},seed=2`);
      if (cpuSlowdown > 1) {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
      }
      const results = await sampleNewestLine(page);
      await chat.send('Think at length.');
      const samples = await results();
      console.log(
        `${rate} tok/s${busy}: newest line visible in ${samples.visible} of ${samples.total} samples`,
        samples.misses.join('; '),
      );
      expect(samples.total).toBeGreaterThanOrEqual(3);
      expect(samples.chars).toBeGreaterThan(1000);
      expect(samples.visible).toBe(samples.total);
    });
  }
});
