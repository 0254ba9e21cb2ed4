import { describe, expect, it } from 'vitest';
import { firstTsBlock } from './readme-example.js';

describe('firstTsBlock', () => {
  it('returns the first ts block, skipping other languages', () => {
    const readme = ['# acme', '```sh', 'npm i acme', '```', '', '```ts', "import { a } from 'acme';", 'a();', '```', '```ts', 'second();', '```'].join('\n');
    expect(firstTsBlock(readme)).toBe("import { a } from 'acme';\na();\n");
  });

  it('returns undefined without one', () => {
    expect(firstTsBlock('# acme\n\n```js\nx\n```\n')).toBeUndefined();
  });
});
