// The browser tests need Chromium. Without it this fails with the install message (the browser
// projects are then left out of the run, and every e2e file fails the same way): never a silent pass.
import { expect, it } from 'vitest';
import { launchChromium } from '../support/e2e-browser.ts';

it('Chromium is installed and starts headless', async () => {
  const browser = await launchChromium('webgl');
  try {
    expect(browser.version()).toMatch(/^\d+\./);
  } finally {
    await browser.close();
  }
});
