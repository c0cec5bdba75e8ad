// axe-core on the screen as it is: every rule of WCAG 2.0–2.2 A and AA plus axe's best
// practices, on the whole page. Any test can call it for a screen of its own; saveScreen calls
// it for every screen the suite pictures. Soft, so one run lists every screen's violations.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = violations.flatMap((v) =>
    v.nodes.map(
      (node) =>
        `${v.id} (${v.impact ?? 'n/a'}): ${node.target.join(' ')} — ${node.failureSummary?.split('\n').slice(1).join(' ').trim() ?? v.help}`,
    ),
  );
  expect.soft(found, `axe-core violations on the "${screen}" screen`).toEqual([]);
}
