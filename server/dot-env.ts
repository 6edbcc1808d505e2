import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EnvError } from './env';

/** The project's root folder, where `.env` and `.env.example` live. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '..');

const ASSIGNMENT = /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=\s*(.*)$/;
const QUOTES = ['"', "'", '`'];

export interface EnvFileProblem {
  line: number;
  problem: string;
}

/**
 * Lines of a `.env` text that are not `NAME=value`, a comment or blank. Node's own reader skips
 * such lines without a word, so a typo like `MATEO_API_KEY mk_...` would silently leave the key
 * out and send through the sandbox. A quoted value may run over several lines, as Node reads it;
 * one never closed is reported too. Only line numbers are given: the text may hold the key.
 */
export function envFileProblems(text: string): EnvFileProblem[] {
  const lines = text.split(/\r?\n/);
  const problems: EnvFileProblem[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const value = ASSIGNMENT.exec(line)?.[1];
    if (value === undefined) {
      problems.push({
        line: index + 1,
        problem: 'expected NAME=value (a name of letters, digits and _), a # comment or nothing',
      });
      continue;
    }
    const quote = QUOTES.find((q) => value.startsWith(q));
    if (!quote || value.indexOf(quote, 1) !== -1) continue;
    const closing = lines.findIndex((later, at) => at > index && later.includes(quote));
    if (closing === -1) {
      problems.push({
        line: index + 1,
        problem: `the value opens a ${quote} quote that is never closed`,
      });
    } else {
      index = closing;
    }
  }
  return problems;
}

/**
 * Loads `<dir>/.env` into `process.env` with Node's `process.loadEnvFile`, which never replaces
 * a variable the real environment already has: what is set in the shell or by a service manager
 * wins over the file. No file is fine (the settings have defaults); a file that cannot be read or
 * has malformed lines stops the start with an `EnvError` naming each line.
 */
export function loadDotEnv(dir: string = PROJECT_ROOT): 'loaded' | 'missing' {
  const path = join(dir, '.env');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'missing';
    throw new EnvError([`${path} cannot be read (${code ?? String(error)})`]);
  }
  const problems = envFileProblems(text);
  if (problems.length > 0) {
    throw new EnvError(problems.map(({ line, problem }) => `${path} line ${line}: ${problem}`));
  }
  process.loadEnvFile(path);
  return 'loaded';
}
