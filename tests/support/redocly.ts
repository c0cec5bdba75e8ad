// Redocly CLI's linter over an OpenAPI document, run the way a person runs `redocly lint`.
// (@redocly/cli is one bundle; its programmatic core is not a dependency of this project.)
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const CLI = path.resolve(import.meta.dirname, '../../node_modules/@redocly/cli/bin/cli.js');

export interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  /** Where in the document, as a JSON pointer ("#/paths/~1healthz/get/responses"). */
  pointer: string;
}

export interface LintReport {
  errors: number;
  warnings: number;
  problems: LintProblem[];
}

/** Lints `document` with the built-in ruleset `ruleset` ("recommended" unless told). */
export async function redoclyLint(
  document: unknown,
  workDir: string,
  ruleset = 'recommended',
): Promise<LintReport> {
  const file = path.join(workDir, 'openapi.json');
  await fs.writeFile(file, JSON.stringify(document, null, 2));
  const args = [CLI, 'lint', file, '--format=json', `--extends=${ruleset}`];
  // No telemetry or update check: tests do not talk to the internet.
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  let stdout: string;
  try {
    ({ stdout } = await promisify(execFile)(process.execPath, args, { env, cwd: workDir }));
  } catch (error) {
    // Exit code 1 means "problems found"; the report is on stdout all the same.
    const output = (error as { stdout?: string }).stdout;
    if (!output) throw error;
    stdout = output;
  }
  const report = JSON.parse(stdout) as {
    totals: { errors: number; warnings: number };
    problems: Array<Omit<LintProblem, 'pointer'> & { location: Array<{ pointer: string }> }>;
  };
  return {
    errors: report.totals.errors,
    warnings: report.totals.warnings,
    problems: report.problems.map(({ ruleId, severity, message, location }) => ({
      ruleId,
      severity,
      message,
      pointer: location[0]?.pointer ?? '',
    })),
  };
}
