// The tests need three Debian tools: Chromium (driven by playwright-core; no browser download is possible
// here), xmllint (libxml2-utils, to check SCORM 1.2 metadata against the IMS schema) and Python 3 (to run the
// program files of the g11 lessons).
// Installs what is missing with apt-get when we are root; otherwise explains what to do.
import { existsSync } from 'node:fs';
import { execSync, spawnSync } from 'node:child_process';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = [];
if (!existsSync(chromium)) missing.push('chromium');
if (!existsSync('/usr/bin/xmllint')) missing.push('libxml2-utils');
// Python 3 runs the program files the g11 lessons ship (tests/unit/program-files.test.ts).
if (spawnSync('python3', ['--version']).status !== 0) missing.push('python3');
if (missing.length === 0) process.exit(0);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !existsSync('/usr/bin/apt-get')) {
  console.error(`Missing Debian packages for the tests: ${missing.join(' ')}. Install them (sudo apt-get install -y ${missing.join(' ')}) or set CHROMIUM_PATH.`);
  process.exit(1);
}
console.log(`Installing ${missing.join(' ')} for the tests…`);
execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`, { stdio: 'inherit', shell: '/bin/bash' });
