#!/usr/bin/env node
// Proves the README example works from packed tarballs: packs @switchyard/core, @switchyard/provider-kit and
// this package with `pnpm pack`, installs them into an empty temporary project with npm, and runs the README's
// five lines there against a loopback server that answers a recorded Converse response. Run after building:
//   pnpm nx run @switchyard/provider-bedrock:build && node packages/provider-bedrock/scripts/smoke-from-tarball.mjs
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const packagesDir = join(packageDir, '..');
const work = mkdtempSync(join(tmpdir(), 'switchyard-bedrock-smoke-'));
const tarballs = join(work, 'tarballs');
const project = join(work, 'project');

function run(command, args, cwd, env = process.env) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

const recorded = readFileSync(join(packageDir, 'src/__fixtures__/amazon-bedrock-text.json'), 'utf8');
const expectedText = JSON.parse(recorded).output.message.content[0].text;
const seen = [];
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    seen.push({ url: req.url, authorization: req.headers.authorization ?? '' });
    res.writeHead(200, { 'content-type': 'application/json' }).end(recorded);
  });
});

try {
  for (const name of ['core', 'provider-kit', 'provider-bedrock']) {
    run('pnpm', ['pack', '--pack-destination', tarballs], join(packagesDir, name));
  }
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'smoke', private: true, type: 'module' }));
  const packed = readdirSync(tarballs).map((file) => join(tarballs, file));
  run('npm', ['install', '--no-audit', '--no-fund', ...packed], project);

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseURL = `http://127.0.0.1:${server.address().port}`;
  // The README example, with baseURL pointing at the loopback server.
  writeFileSync(
    join(project, 'example.mjs'),
    [
      "import { createBedrock } from '@switchyard/provider-bedrock';",
      `const bedrock = createBedrock({ baseURL: '${baseURL}', options: { aws_region_name: 'us-east-1' } });`,
      "const { completion } = await bedrock.chat({ model: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', messages: [{ role: 'user', content: 'Hello!' }] });",
      'console.log(completion.choices[0]?.message.content);',
    ].join('\n'),
  );
  const env = { ...process.env, AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
  // Asynchronous on purpose: the loopback server answering the example lives in this process.
  const child = await new Promise((resolve) => {
    const spawned = spawn(process.execPath, ['example.mjs'], { cwd: project, env });
    let stdout = '';
    let stderr = '';
    spawned.stdout.on('data', (data) => (stdout += data));
    spawned.stderr.on('data', (data) => (stderr += data));
    spawned.on('close', (status) => resolve({ status, stdout, stderr }));
  });
  if (child.status !== 0) throw new Error(`example.mjs failed:\n${child.stderr}`);
  if (child.stdout.trim() !== expectedText.trim()) throw new Error(`unexpected output:\n${child.stdout}`);
  if (seen[0]?.url !== '/model/us.anthropic.claude-sonnet-4-5-20250929-v1%3A0/converse') throw new Error(`unexpected path ${seen[0]?.url}`);
  if (!seen[0].authorization.startsWith('AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/')) throw new Error('the request was not SigV4-signed');
  console.log(`smoke OK: installed ${packed.length} tarballs into an empty project; the README example printed the recorded answer.`);
} finally {
  server.close();
  rmSync(work, { recursive: true, force: true });
}
