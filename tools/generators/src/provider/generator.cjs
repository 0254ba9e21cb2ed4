// An Nx generator (CommonJS so Nx loads it without a TypeScript transpiler).
const fs = require('node:fs');
const path = require('node:path');
const { names, formatFiles } = require('@nx/devkit');

const templateDir = path.join(__dirname, 'files');

function listTemplates(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(prefix, entry.name);
    return entry.isDirectory() ? listTemplates(path.join(dir, entry.name), relative) : [relative];
  });
}

/** Replaces the template's placeholder provider name ("acme") in every spelling. */
function substitute(text, name) {
  return text
    .replaceAll('__tmpl__', '')
    .replaceAll('ACME', name.constantName)
    .replaceAll('Acme', name.className)
    .replace(/acme(?=[A-Z])/g, name.propertyName)
    .replaceAll('acme', name.fileName);
}

/**
 * Writes packages/provider-<name>: package.json with exports and tags, the fixed source files, a recorded fixture and
 * the conformance test. The generated provider speaks a small placeholder wire format so that it passes lint and
 * test as generated; a contributor replaces the translation with the real provider's.
 */
async function providerGenerator(tree, options) {
  const name = names(options.name);
  if (!/^[a-z][a-z0-9-]*$/.test(name.fileName)) throw new Error(`"${options.name}" is not a kebab-case provider name`);
  const root = path.posix.join(options.directory ?? 'packages', `provider-${name.fileName}`);
  if (tree.exists(path.posix.join(root, 'package.json'))) throw new Error(`${root} already exists`);
  for (const file of listTemplates(templateDir)) {
    const content = fs.readFileSync(path.join(templateDir, file), 'utf8');
    tree.write(path.posix.join(root, substitute(file, name)), substitute(content, name));
  }
  if (options.skipFormat !== true) await formatFiles(tree);
  return () => {
    console.log(`Created ${root}. Run \`pnpm install\`, then \`pnpm nx run @switchyard/provider-${name.fileName}:test\`.`);
  };
}

module.exports = providerGenerator;
module.exports.default = providerGenerator;
module.exports.substitute = substitute;
