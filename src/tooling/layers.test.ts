import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';

// eslint.config.js reads the same table; a plain require keeps it the one source.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ALL, MAY_IMPORT } = require('../../scripts/layers.js') as {
  ALL: string[];
  MAY_IMPORT: Record<string, string[]>;
};

const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'src');
// Jest cannot run ESLint's dynamic import of its config, so the test hands it the same file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../eslint.config.js');
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config });

/** A real, non-test module of a layer, so the resolver finds what the probe imports. */
function moduleOf(layer: string): string {
  const dir = join(SRC, layer);
  const file = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .sort()[0];
  return join(dir, file).replace(/\.ts$/, '');
}

async function layerErrors(fromLayer: string, imported: string): Promise<string[]> {
  const probe = join(SRC, fromLayer, 'layerProbe.ts');
  const spec = relative(join(SRC, fromLayer), imported);
  const code = `import * as probe from './${spec}';\nexport const used = probe;\n`;
  const [result] = await eslint.lintText(code, { filePath: probe });
  return result.messages
    .filter((message) => message.ruleId === 'import/no-restricted-paths')
    .map((message) => message.message);
}

describe('the layers in eslint.config.js', () => {
  it('name every folder under src/', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders.sort()).toEqual([...ALL].sort());
  });

  const pairs = ALL.flatMap((layer) =>
    ALL.filter((other) => other !== layer).map((other) => [layer, other] as const)
  );

  it.each(pairs)('%s importing %s is allowed only where the table says', async (layer, other) => {
    const errors = await layerErrors(layer, moduleOf(other));
    const allowed =
      MAY_IMPORT[layer].includes(other) && !(layer === 'preview' && other === 'localorg');
    expect(errors.length > 0).toBe(!allowed);
  });

  it('lets the preview reach the emulator through its host interface only', async () => {
    expect(await layerErrors('preview', join(SRC, 'localorg', 'host'))).toEqual([]);
    expect(await layerErrors('preview', join(SRC, 'localorg', 'server'))).toEqual([
      expect.stringContaining('only through ./host.ts')
    ]);
  });

  it('keeps Node out of the core', async () => {
    const [result] = await eslint.lintText(
      "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
      {
        filePath: join(SRC, 'core', 'layerProbe.ts')
      }
    );
    expect(result.messages.map((message) => message.ruleId)).toContain('no-restricted-imports');
  });
});
