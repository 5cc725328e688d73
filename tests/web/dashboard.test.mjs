// The dashboard in headless Chromium against a real `hamhub serve` on the dashboard fixture:
// pages load without console errors, the figures shown are the API's, acknowledging works and
// shows who and when, a province-16 token cannot see province 31, and the English switch works.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launchChromium, openPage, signIn } from './browser.mjs';
import { OPERATOR_NAME, TOKENS, startHub } from './hub.mjs';

let hub;
let browser;

before(async () => {
  hub = await startHub();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await hub?.stop();
});

// "68,25" (Bahasa Indonesia) or "68.25" (English) as a number.
function shown(text, lang = 'id') {
  const plain = lang === 'id' ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  return Number.parseFloat(plain);
}

function noProblems(page, allowed = []) {
  const left = page.problems.filter((p) => !allowed.some((pattern) => pattern.test(p)));
  assert.deepEqual(left, [], 'the browser console shows errors');
}

test('the region page shows each kab/kota with the API\'s score, predicate, completeness and open alerts', async () => {
  const page = await openPage(browser, hub.base);
  assert.equal(await page.textContent('#login h2'), 'Masuk');
  await signIn(page, TOKENS.sumselViewer);
  await page.waitForSelector('td[data-instrument]');
  const { status, body } = await hub.api('regions/16/completeness', TOKENS.sumselViewer);
  assert.equal(status, 200);
  let cells = 0;
  for (const subject of body.subjects.filter((s) => s.kind !== 'province')) {
    for (const standing of subject.instruments) {
      const cell = page.locator(`td[data-subject="${subject.id}"][data-instrument="${standing.instrument}"]`);
      assert.equal(shown(await cell.locator('.total').textContent()), standing.total, `${subject.id} ${standing.instrument}`);
      assert.equal(await cell.locator('.predicate').textContent(), standing.predicate_name ?? 'belum berpredikat');
      assert.equal(await cell.locator('.pct').textContent(), `${Math.round(standing.completeness * 100)}%`);
      assert.equal(Number(await cell.locator('.alerts .count').textContent()), standing.open_alerts);
      const bar = page.locator(`svg.chart rect[data-subject="${subject.id}"][data-instrument="${standing.instrument}"]`);
      assert.equal(Number(await bar.getAttribute('data-total')), standing.total);
      cells += 1;
    }
  }
  assert.ok(cells >= 5, `only ${cells} score cells`);
  assert.match(await page.textContent('#page h2'), /Sumatera Selatan/);
  noProblems(page);
  await page.context().close();
});

test('the source page shows each source\'s state, uptime and incidents as the API gives them', async () => {
  const page = await openPage(browser, hub.base);
  await signIn(page, TOKENS.admin);
  await page.click('#nav a[href="#/sources"]');
  await page.waitForSelector('tr[data-source]');
  const { body: sources } = await hub.api('sources', TOKENS.admin);
  assert.equal(await page.locator('tr[data-source]').count(), sources.length);
  for (const source of sources) {
    const row = page.locator(`tr[data-source="${source.id}"]`);
    const states = { up: 'aktif', down: 'mati', maintenance: 'pemeliharaan' };
    assert.equal(await row.locator('.state-cell').textContent(), states[source.health.state]);
    for (const window of ['24h', '7d', '30d', '365d']) {
      const text = await row.locator(`td[data-window="${window}"]`).textContent();
      const expected = source.uptime_percent[window];
      if (expected === null) assert.equal(text, '—');
      else assert.equal(shown(text.replace('%', '')), Math.round(expected * 100) / 100, `${source.id} ${window}`);
    }
    assert.equal(await row.locator('svg.strip').count(), 1);
  }
  const { body: incidents } = await hub.api('incidents', TOKENS.admin);
  assert.equal(await page.locator('tr.incident').count(), incidents.length);
  noProblems(page);
  await page.context().close();
});

test('an operator acknowledges an alert and the page shows who and when', async () => {
  const page = await openPage(browser, hub.base);
  await signIn(page, TOKENS.sumselOperator);
  await page.click('#nav a[href="#/alerts"]');
  await page.waitForSelector('tr.alert');
  const { body: alerts } = await hub.api('alerts', TOKENS.sumselOperator);
  assert.equal(await page.locator('tr.alert').count(), alerts.length);
  for (const alert of alerts) {
    assert.equal(await page.locator(`tr.alert[data-id="${alert.id}"] .message`).textContent(), alert.message_id);
  }
  const target = alerts.find((a) => a.subject === '16.72');
  await page.click(`tr.alert[data-id="${target.id}"] button.acknowledge`);
  await page.waitForSelector(`tr.alert[data-id="${target.id}"][data-state="acknowledged"]`);
  const ack = await page.textContent(`tr.alert[data-id="${target.id}"] .ack`);
  assert.match(ack, new RegExp(`^oleh ${OPERATOR_NAME.replace(/[()]/g, '\\$&')}, .+ WIB$`));
  assert.equal(await page.locator(`tr.alert[data-id="${target.id}"] button.acknowledge`).count(), 0);
  assert.match(await page.textContent('#message'), new RegExp(`Peringatan ${target.id} diakui`));
  const { body: after } = await hub.api('alerts?state=acknowledged', TOKENS.sumselOperator);
  assert.deepEqual(after.map((a) => [a.id, a.acknowledged_by]), [[target.id, OPERATOR_NAME]]);

  // A viewer of the same province sees the alerts but no button.
  const viewer = await openPage(browser, hub.base);
  await signIn(viewer, TOKENS.sumselViewer);
  await viewer.click('#nav a[href="#/alerts"]');
  await viewer.waitForSelector('tr.alert');
  assert.equal(await viewer.locator('button.acknowledge').count(), 0);
  noProblems(page);
  noProblems(viewer);
  await page.context().close();
  await viewer.context().close();
});

test('a token of province 16 cannot see province 31: a clear message, no data', async () => {
  const page = await openPage(browser, hub.base);
  await signIn(page, TOKENS.sumselViewer);
  for (const hash of ['#/region/31', '#/alerts/31']) {
    await page.evaluate((h) => {
      document.getElementById('message').hidden = true;
      location.hash = h;
    }, hash);
    await page.waitForSelector('#message.error:not([hidden])');
    const message = await page.textContent('#message');
    assert.match(message, /^Akses ditolak: token Anda tidak berhak atas data ini\./, hash);
    assert.match(message, /31/, hash);
    assert.equal(await page.locator('td[data-instrument], tr.alert').count(), 0, hash);
  }
  // The browser reports the refused calls themselves; nothing else may go wrong.
  noProblems(page, [/status of 403/]);
  await page.context().close();
});

test('the English switch translates the pages and the alert messages', async () => {
  const page = await openPage(browser, hub.base);
  await signIn(page, TOKENS.admin);
  await page.click('#lang-en');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('#nav a[href="#/alerts"]'), 'Alerts');
  await page.click('#nav a[href="#/alerts"]');
  await page.waitForSelector('tr.alert');
  assert.equal(await page.textContent('#page h2'), 'Alerts');
  const { body: alerts } = await hub.api('alerts?lang=en', TOKENS.admin);
  for (const alert of alerts) {
    assert.equal(await page.locator(`tr.alert[data-id="${alert.id}"] .message`).textContent(), alert.message_en);
  }
  await page.click('#lang-id');
  await page.waitForSelector('tr.alert');
  assert.equal(await page.textContent('#page h2'), 'Peringatan');
  noProblems(page);
  await page.context().close();
});
