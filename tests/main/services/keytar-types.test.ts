// keytar is optional (it builds only where libsecret is present). Where it did not install,
// `npm run typecheck` must still pass: the files that use keytar type-check against the app's
// own declaration of the API it uses (src/main/services/keytar.d.ts), with the package hidden.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const DECLARATION = path.join(ROOT, 'src/main/services/keytar.d.ts');
const USERS = ['src/main/services/token-store.ts', 'tests/keychain/keytar.test.ts'].map((file) =>
  path.join(ROOT, file),
);

const configFile = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile);
const project = ts.parseJsonConfigFileContent(configFile.config, ts.sys, ROOT);
/** What the project declares globally: .d.ts files and module augmentations (test context keys). */
const declarations = project.fileNames.filter(
  (file) => file.endsWith('.d.ts') || /^declare module /m.test(fs.readFileSync(file, 'utf8')),
);

/**
 * Type-checks `files` and the project's declarations but `leaveOut`, with the project's compiler
 * options, as if node_modules/keytar were absent.
 */
function diagnosticsWithoutKeytar(files: string[], leaveOut?: string): string[] {
  const options = project.options;
  const hidden = (file: string) => file.split(path.sep).join('/').includes('/node_modules/keytar');
  const host = ts.createCompilerHost(options);
  const { fileExists, directoryExists, readFile } = host;
  host.fileExists = (file) => !hidden(file) && fileExists.call(host, file);
  host.directoryExists = (dir) => !hidden(dir) && (directoryExists?.call(host, dir) ?? true);
  host.readFile = (file) => (hidden(file) ? undefined : readFile.call(host, file));
  const rootNames = [...declarations.filter((file) => file !== leaveOut), ...files];
  const program = ts.createProgram({ rootNames, options, host });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('type-checking without the keytar package', () => {
  it('passes with the app’s declaration of the keytar API', () => {
    expect(declarations).toContain(DECLARATION);
    expect(diagnosticsWithoutKeytar(USERS)).toEqual([]);
  });

  it('would be noticed: without that declaration the same check fails', () => {
    expect(diagnosticsWithoutKeytar(USERS, DECLARATION).join('\n')).toContain(
      "Cannot find module 'keytar'",
    );
  });
});
