#!/usr/bin/env node
// Build output goes to stderr, so `TOKEN=$(npm run --silent trilha -- token …)` captures only the token.
// Builds dist/ when it is missing or older than any source file, so `npm start` works on a
// fresh clone and stays fast afterwards.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const output = path.join(root, 'dist/apps/cli/src/main.js');
const sources = ['apps', 'libs', 'projections', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];

function newestSourceTime(entry) {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestSourceTime(path.join(entry, name)));
  return newest;
}

function isStale() {
  const builtAt = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0;
  const sourcesAt = Math.max(...sources.map((s) => path.join(root, s)).filter(fs.existsSync).map(newestSourceTime));
  return builtAt < sourcesAt;
}

// Two commands started together (`npm start` and `npm run trilha -- token`) must not build
// into the same dist/ at once: the build empties it first.
const lock = path.join(root, '.build.lock');
function withLock(work) {
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const age = Date.now() - fs.statSync(lock).mtimeMs;
      if (age > 5 * 60_000) fs.rmSync(lock, { recursive: true, force: true }); // left by a killed build
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lock}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    work();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

if (isStale()) {
  withLock(() => {
    if (!isStale()) return;
    console.error('Building Trilha …');
    const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
    if (result.status !== 0) process.exit(result.status ?? 1);
  });
}
