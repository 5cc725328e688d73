// Starts `hamhub serve` on 127.0.0.1 (an ephemeral port) over the dashboard fixture, and stops it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const TOKENS = {
  admin: 'web-admin-token-0123456789',
  sumselViewer: 'web-kanwil-16-viewer-0123456789',
  sumselOperator: 'web-kanwil-16-operator-0123456789',
};
export const OPERATOR_NAME = 'Budi (Kanwil Sumsel)';

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (CTest sets it; see tests/web/CMakeLists.txt)`);
  return value;
}

export async function startHub() {
  const dir = mkdtempSync(path.join(tmpdir(), 'hamhub-web-'));
  const seeded = spawnSync(required('HAMHUB_FIXTURE_BIN'), [dir], { encoding: 'utf8' });
  if (seeded.status !== 0) throw new Error(`the fixture failed: ${seeded.stderr}`);
  writeFileSync(path.join(dir, 'hamhub.json'), JSON.stringify({
    store: 'sqlite:hub.db',
    regions_dir: 'regions',
    sources_dir: 'sources.d',
    criteria_dir: path.join(required('HAMHUB_SOURCE_DIR'), 'config', 'criteria'),
    api: {
      listen: '127.0.0.1:0',
      tokens: [
        { token: TOKENS.admin, role: 'admin' },
        { token: TOKENS.sumselViewer, role: 'viewer', region: '16' },
        { token: TOKENS.sumselOperator, role: 'operator', region: '16', name: OPERATOR_NAME },
      ],
    },
  }));
  // serve evaluates the alert rules at start, next to the fixture's own alerts; evaluating them
  // here first leaves serve's first evaluation nothing to change while the pages are checked.
  const evaluated = spawnSync(required('HAMHUB_BIN'), ['--config', path.join(dir, 'hamhub.json'), 'alerts'],
    { encoding: 'utf8' });
  if (evaluated.status !== 0) throw new Error(`hamhub alerts failed: ${evaluated.stderr}`);
  const child = spawn(required('HAMHUB_BIN'), ['--config', path.join(dir, 'hamhub.json'), 'serve'],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hamhub serve did not start in 20 s:\n${log}`)), 20000);
    child.stderr.on('data', (chunk) => {
      log += chunk;
      const found = /API on http:\/\/127\.0\.0\.1:(\d+)\/api\/v1/.exec(log);
      if (found) {
        clearTimeout(timer);
        resolve(Number(found[1]));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hamhub serve exited with ${code}:\n${log}`));
    });
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    log: () => log,
    async api(pathAndQuery, token, options = {}) {
      const response = await fetch(base + '/api/v1/' + pathAndQuery,
        { method: options.method || 'GET', headers: { Authorization: 'Bearer ' + token } });
      return { status: response.status, body: await response.json() };
    },
    async stop() {
      child.removeAllListeners('exit');
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
