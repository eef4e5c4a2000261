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

const builtAt = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0;
const sourcesAt = Math.max(...sources.map((s) => path.join(root, s)).filter(fs.existsSync).map(newestSourceTime));
if (builtAt < sourcesAt) {
  console.error('Building Trilha …');
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
