// Proves the README example works from packed tarballs: packs @switchyard/core, @switchyard/provider-kit and this
// package, installs them into an empty temporary project, and runs the README's first example unchanged against a
// loopback server that answers with a recorded Anthropic message. Run after a build: `node scripts/pack-smoke.mjs`.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const here = fileURLToPath(new URL('..', import.meta.url));
const packages = ['core', 'provider-kit', 'provider-anthropic'].map((name) => join(here, '..', name));
const apiKey = 'sk-ant-smoke-test';
const recorded = readFileSync(join(here, 'src/__fixtures__/anthropic-text.json'), 'utf8');
const expectedText = JSON.parse(recorded).content[0].text;

const execFileAsync = promisify(execFile);

// Asynchronous on purpose: the loopback upstream lives in this process and must keep answering meanwhile.
async function run(command, args, cwd, env = process.env) {
  try {
    return (await execFileAsync(command, args, { cwd, env, encoding: 'utf8', timeout: 300_000 })).stdout;
  } catch (error) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`, { cause: error });
  }
}

function readmeExample() {
  const readme = readFileSync(join(here, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]);
  if (!blocks[0]) throw new Error('README.md has no ts example');
  return blocks[0];
}

async function startUpstream() {
  const seen = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ url: req.url, key: req.headers['x-api-key'], version: req.headers['anthropic-version'], body: JSON.parse(body) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(recorded);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, seen, origin: `http://127.0.0.1:${server.address().port}` };
}

const work = mkdtempSync(join(tmpdir(), 'switchyard-anthropic-smoke-'));
const upstream = await startUpstream();
try {
  for (const dir of packages) {
    if (!existsSync(join(dir, 'dist/index.js'))) throw new Error(`${dir} is not built; run the build first`);
    await run('pnpm', ['pack', '--pack-destination', work], dir);
  }
  const tarballs = readdirSync(work).filter((name) => name.endsWith('.tgz'));
  const tarball = (name) => `file:${join(work, tarballs.find((file) => file.startsWith(`switchyard-${name}-`)))}`;
  const app = join(work, 'app');
  mkdirSync(app);
  const dependencies = {
    '@switchyard/core': tarball('core'),
    '@switchyard/provider-kit': tarball('provider-kit'),
    '@switchyard/provider-anthropic': tarball('provider-anthropic'),
  };
  // The packed provider depends on @switchyard/provider-kit by version; point that at the tarball, not the registry.
  const overrides = { '@switchyard/core': '$@switchyard/core', '@switchyard/provider-kit': '$@switchyard/provider-kit' };
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'smoke', private: true, type: 'module', dependencies, overrides }, null, 2));
  await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], app);
  writeFileSync(join(app, 'example.mjs'), readmeExample());
  const output = await run('node', ['example.mjs'], app, { ...process.env, ANTHROPIC_API_KEY: apiKey, ANTHROPIC_BASE_URL: upstream.origin });
  const [request] = upstream.seen;
  const problems = [];
  if (output.trim() !== expectedText) problems.push(`printed ${JSON.stringify(output.trim())}, expected ${JSON.stringify(expectedText)}`);
  if (request?.url !== '/v1/messages') problems.push(`upstream path was ${request?.url}`);
  if (request?.key !== apiKey) problems.push('the API key was not sent as x-api-key');
  if (request?.version !== '2023-06-01') problems.push(`anthropic-version was ${request?.version}`);
  if (request?.body?.messages?.[0]?.content?.[0]?.text !== 'Say hello.') problems.push('the user message did not arrive');
  if (problems.length > 0) throw new Error(`pack smoke test failed:\n- ${problems.join('\n- ')}`);
  console.log(`pack smoke test passed: ${tarballs.join(', ')} installed into an empty project; the README example printed the answer.`);
} finally {
  upstream.server.close();
  if (process.env.KEEP_SMOKE_DIR) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
