// Debian's chromium, driven by playwright-core (which downloads no browser of its own).
import { existsSync } from 'node:fs';

async function playwright() {
  try {
    return await import('playwright-core');
  } catch (error) {
    throw new Error(`playwright-core is not installed: run 'npm ci' in tests/web (bash .ci/dev.sh build does): ${error.message}`);
  }
}

export async function launchChromium() {
  const executablePath = process.env.HAMHUB_CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`no chromium at ${executablePath}: install Debian's chromium package (bash .ci/dev.sh build does)`);
  }
  // Chromium's sandbox refuses to run as root, which is how CI runs.
  const args = process.getuid && process.getuid() === 0 ? ['--no-sandbox'] : [];
  const { chromium } = await playwright();
  return chromium.launch({ executablePath, headless: true, args });
}

// A page that records what would show up red in the browser console.
export async function openPage(browser, base) {
  const context = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') page.problems.push(`console error: ${message.text()}`);
  });
  await page.goto(base + '/');
  return page;
}

export async function signIn(page, token) {
  await page.fill('#token', token);
  await page.click('#login button[type=submit]');
  await page.waitForSelector('#nav:not([hidden])');
}
