// The API reference the simulator serves at /docs: both contracts rendered to HTML at generate time
// (`npm run generate` writes simulator/src/generated/api-docs.json; `--check` fails when it is stale), so
// the simulator serves finished pages and loads no renderer, template or asset from anywhere at run time.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { referencePage } from './page.js';
import { registerDocument, type Doc } from './schema.js';
import { REFERENCE_CSS } from './style.js';

export interface ApiDocs {
  /** By path under /docs: '' (the Little Pay API) and 'simulator' (the control API). */
  pages: Record<string, string>;
  css: string;
}

export async function renderApiDocs(root: URL): Promise<ApiDocs> {
  const load = async (file: string) => {
    const doc = parse(await readFile(new URL(`contracts/${file}`, root), 'utf8')) as Doc;
    registerDocument(file, doc); // the control API's contract refers to the Little Pay one's errors
    return doc;
  };
  const api = await load('littlepay.openapi.yaml');
  const sim = await load('simulator.openapi.yaml');
  return {
    pages: {
      '': referencePage(api, { file: 'littlepay.openapi.yaml', href: '/docs', errors: 'api' }),
      simulator: referencePage(sim, { file: 'simulator.openapi.yaml', href: '/docs/simulator', errors: 'sim' }),
    },
    css: REFERENCE_CSS,
  };
}
