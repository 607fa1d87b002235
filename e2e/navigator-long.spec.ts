import { expect, test, type Locator } from '@playwright/test';
import { ChatPage } from './pages/chat-page';

/**
 * Issue 13, item 6: a long trace mounts only the steps near the view; the outline and search still
 * reach steps that were not mounted. The trace is the benchmark's R1-style reasoning, streamed as
 * fast as possible.
 */
const LONG_TRACE = 'bench:r=30000,a=20,rate=0,seed=3';

/** Indices of the steps with content and of the placeholders, in order. */
async function stepsOf(reasoning: Locator) {
  return reasoning.getByTestId('reasoning-step').evaluateAll((elements) => {
    const mounted: number[] = [];
    const placeholders: number[] = [];
    for (const element of elements) {
      const index = Number(element.getAttribute('data-step-index'));
      if (element.hasAttribute('data-placeholder')) placeholders.push(index);
      else mounted.push(index);
    }
    return { mounted, placeholders };
  });
}

test.describe('a long reasoning trace', () => {
  test('mounts only the steps near the view, and the outline and search reach the others', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock(LONG_TRACE);
    await chat.send('Think at length.');
    await chat.expectStatus('done', 60_000);
    const last = chat.last();
    await last.toggle.click();
    await expect(last.message.getByTestId('reasoning-outline')).toBeVisible();
    // The outline lays out and paints only the groups of items near its view.
    const outlineItems = last.message.getByTestId('reasoning-outline-item');
    const laidOut = await outlineItems.evaluateAll(
      (items) =>
        items.filter((item) => item.checkVisibility({ contentVisibilityAuto: true })).length,
    );
    expect(laidOut).toBeGreaterThan(0);
    expect(laidOut).toBeLessThanOrEqual(64);

    const before = await stepsOf(last.reasoning);
    const total = before.mounted.length + before.placeholders.length;
    expect(total).toBeGreaterThan(100);
    expect(before.mounted.length).toBeLessThan(30);
    // Placeholders are empty and hold their place.
    const placeholder = last.reasoning.locator('[data-placeholder]').nth(20);
    await expect(placeholder).toBeEmpty();
    expect((await placeholder.boundingBox())?.height).toBeGreaterThan(10);

    // The outline jumps to a step that was not mounted: mounted, in view and focused.
    const target = before.placeholders[Math.floor(before.placeholders.length * 0.4)]!;
    await outlineItems.nth(target).click();
    const step = last.reasoning.locator(`[data-step-index="${target}"]`);
    await expect(step).toBeFocused();
    await expect(step).not.toHaveAttribute('data-placeholder');
    await expect(step).toBeInViewport();
    expect((await step.innerText()).length).toBeGreaterThan(100);
    // Steps mounting around it as they come near do not move it.
    const top = (await step.boundingBox())!.y;
    await page.waitForTimeout(500);
    expect(Math.abs((await step.boundingBox())!.y - top)).toBeLessThan(2);

    // Search counts a match in a step that is not mounted and brings it into view, marked. Probe
    // words `k<n>j` are unique; probe 1000 is at about 70% of this trace, the jump went to 40%.
    const now = await stepsOf(last.reasoning);
    const search = last.message.getByRole('searchbox', { name: 'Search reasoning' });
    const count = last.message.getByTestId('reasoning-search-count');
    await search.fill('k1000j');
    await expect(count).toHaveText('1 of 1');
    const active = last.reasoning.locator('mark[data-active]');
    await expect(active).toHaveText('k1000j');
    await expect(active).toBeInViewport();
    const holder = Number(
      await active.evaluate((mark) =>
        mark.closest('[data-testid="reasoning-step"]')!.getAttribute('data-step-index'),
      ),
    );
    expect(now.placeholders).toContain(holder);
    const after = await stepsOf(last.reasoning);
    expect(after.mounted.length).toBeLessThan(40);
  });
});
