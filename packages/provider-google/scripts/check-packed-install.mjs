#!/usr/bin/env node
// Proves the README example works from packed tarballs: packs @switchyard/core, @switchyard/provider-kit and this
// package with `pnpm pack`, installs them into an empty temp project with npm, and runs the README's five lines
// against a loopback stand-in for Gemini that answers with a recorded response. Run after building:
//   pnpm nx run @switchyard/provider-google:build && node packages/provider-google/scripts/check-packed-install.mjs
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const packagesDir = join(packageDir, '..');
const packed = ['core', 'provider-kit', 'provider-google'];
const fixture = readFileSync(join(packageDir, 'src', '__fixtures__', 'google-text.json'), 'utf8');

const work = mkdtempSync(join(tmpdir(), 'switchyard-google-packed-'));
const received = [];
const server = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    received.push({ url: request.url, key: request.headers['x-goog-api-key'], body: JSON.parse(body) });
    response.writeHead(200, { 'content-type': 'application/json' }).end(fixture);
  });
});

try {
  for (const name of packed) {
    const dir = join(packagesDir, name);
    if (!existsSync(join(dir, 'dist', 'index.js'))) throw new Error(`${name} is not built; run its build first`);
    execFileSync('pnpm', ['pack', '--pack-destination', work], { cwd: dir, stdio: 'inherit' });
  }
  const tarballs = readdirSync(work).filter((file) => file.endsWith('.tgz')).map((file) => join(work, file));
  const project = join(work, 'app');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs], { cwd: project, stdio: 'inherit' });

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseURL = `http://127.0.0.1:${server.address().port}`;
  // The README example, with the base URL pointed at the loopback stand-in.
  writeFileSync(
    join(project, 'main.mjs'),
    `import { createGemini } from '@switchyard/provider-google';

const gemini = createGemini({ apiKey: process.env.GEMINI_API_KEY, baseURL: process.env.GEMINI_BASE_URL });
const { completion } = await gemini.chat({ model: 'gemini-2.5-flash', messages: [{ role: 'user', content: 'Hello!' }] });
console.log(completion.choices[0]?.message.content);
`,
  );
  const env = { ...process.env, GEMINI_API_KEY: 'packed-test-key', GEMINI_BASE_URL: baseURL };
  const output = await new Promise((resolve, reject) => {
    execFile(process.execPath, ['main.mjs'], { cwd: project, env }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
  const expected = `${JSON.parse(fixture).candidates[0].content.parts[0].text}\n`;
  if (output !== expected) throw new Error(`unexpected output: ${JSON.stringify(output)}`);
  const [call] = received;
  if (received.length !== 1 || call.url !== '/v1beta/models/gemini-2.5-flash:generateContent' || call.key !== 'packed-test-key') {
    throw new Error(`unexpected upstream request: ${JSON.stringify(received)}`);
  }
  console.log(`packed install OK: ${tarballs.length} tarballs installed, README example answered ${JSON.stringify(output.trim().slice(0, 40))}…`);
} finally {
  server.close();
  rmSync(work, { recursive: true, force: true });
}
