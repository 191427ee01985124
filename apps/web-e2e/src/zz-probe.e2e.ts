import { expect, test } from '@playwright/test';
test.use({ viewport: { width: 390, height: 844 } });
test('probe', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('E-mail').fill('sekretariat@aftalerum.test');
  await page.getByLabel('Adgangskode').fill('demo1234');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { name: 'Sundhedsaftaler' })).toBeVisible();
  await page.goto('/hoeringer'); await page.waitForLoadState('networkidle');
  const hearing = await page.locator('main a[href^="/hoeringer/"]').first().getAttribute('href');
  await page.goto(hearing!); await page.waitForLoadState('networkidle');
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  const found = await page.evaluate(() => {
    const root = document.documentElement;
    const out: string[] = [];
    const walk = (el: Element, depth: number) => {
      if (depth > 14) return;
      for (const child of Array.from(el.children)) {
        const h = child as HTMLElement;
        const old = h.style.display;
        h.style.display = 'none';
        const w = root.scrollWidth;
        h.style.display = old;
        if (w <= root.clientWidth) { out.push(`${'  '.repeat(depth)}${child.tagName}.${child.className} (${Math.round(child.getBoundingClientRect().width)})`); walk(child, depth + 1); return; }
      }
    };
    walk(document.body, 0);
    return out;
  });
  console.log(found.join('\n'));
});
