/**
 * The README's two commands pass on a fresh machine with only what the README names
 * (issue 13). A test that runs a program the README does not name (pdftotext was one)
 * fails here: every child process a test starts is Node itself or one of the few base
 * system tools below, each with why it may be used.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

/** Programs a test may start, besides Node (process.execPath). */
const ALLOWED_TOOLS: Record<string, string> = {
  mount: 'util-linux, on every Linux; tmpfs tests run only as root and are skipped otherwise',
  umount: 'util-linux, as mount',
  mkfifo: 'coreutils, on every Linux and macOS',
  chattr: 'e2fsprogs; the swap-fault tests are skipped, with the reason printed, where chattr +i cannot be set',
  unzip: 'optional: a second opinion on the export archive, skipped with a message when missing',
};

const CHILD_PROCESS_CALLS = new Set(['exec', 'execSync', 'execFile', 'execFileSync', 'spawn', 'spawnSync', 'fork']);

type ProgramUse = { line: number; program: string };

/**
 * The programs a source file starts through node:child_process, by line. A call whose
 * program is not a string literal or process.execPath is reported as "(not a literal: …)",
 * and any use of child_process other than named imports as "(child_process used as …)",
 * so nothing slips past unread.
 */
function programsStarted(source: string): ProgramUse[] {
  const lineOf = (index: number) => source.slice(0, index).split('\n').length;
  const uses: ProgramUse[] = [];
  const names = new Set<string>();
  const importPattern = /import\s*(type\s+)?\{([^}]*)\}\s*from\s*['"](?:node:)?child_process['"]/g;
  for (const match of source.matchAll(importPattern)) {
    if (match[1]) continue;
    for (const part of (match[2] ?? '').split(',')) {
      const [imported, local] = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/);
      if (part.trim().startsWith('type ') || !imported) continue;
      if (CHILD_PROCESS_CALLS.has(imported)) names.add(local ?? imported);
    }
  }
  // Default, namespace and require() imports would hide the calls from the check above.
  const otherForms =
    /import\s+(?:\*\s+as\s+\w+|\w+)\s*(?:,\s*\{[^}]*\})?\s*from\s*['"](?:node:)?child_process['"]|require\(\s*['"](?:node:)?child_process['"]\s*\)|import\(\s*['"](?:node:)?child_process['"]\s*\)/g;
  for (const match of source.matchAll(otherForms))
    uses.push({ line: lineOf(match.index ?? 0), program: `(child_process used as ${match[0]})` });
  if (names.size === 0) return uses;
  const callPattern = new RegExp(`(?<![\\w.$])(${[...names].join('|')})\\s*\\(\\s*([^,)]*)`, 'g');
  for (const match of source.matchAll(callPattern)) {
    const argument = (match[2] ?? '').trim();
    const literal = /^(['"`])([^'"`$]*)\1$/.exec(argument);
    const program = argument === 'process.execPath' ? 'node' : literal ? literal[2] : `(not a literal: ${argument})`;
    uses.push({ line: lineOf(match.index ?? 0), program: program ?? '' });
  }
  return uses;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(?:[cm]?[jt]s|tsx)$/.test(entry.name) ? [path] : [];
  });
}

describe('tests start no program the README does not name', () => {
  it('finds the programs a source starts, however it is written', () => {
    const source = [
      "import { execFileSync, spawnSync as run, type ChildProcess } from 'node:child_process';",
      "execFileSync('pdftotext', [file, '-']);",
      'run(\n  "pdftoppm", []);',
      'execFileSync(process.execPath, [script]);',
      'execFileSync(tool, []);',
      "db.exec('SELECT 1'); /x/.exec(text);",
    ].join('\n');
    expect(programsStarted(source)).toEqual([
      { line: 2, program: 'pdftotext' },
      { line: 3, program: 'pdftoppm' },
      { line: 5, program: 'node' },
      { line: 6, program: '(not a literal: tool)' },
    ]);
    expect(programsStarted("import * as cp from 'child_process';")).toEqual([
      { line: 1, program: "(child_process used as import * as cp from 'child_process')" },
    ]);
    expect(programsStarted("const { spawn } = require('node:child_process');")[0]?.program).toMatch(/used as/);
  });

  it('every test starts only Node or an allowed base tool', () => {
    // This file is left out: its examples above are the calls it forbids.
    const files = sourceFiles(join(root, 'tests')).filter((file) => file !== __filename);
    expect(files.length).toBeGreaterThan(50);
    const unexpected = files.flatMap((file) =>
      programsStarted(readFileSync(file, 'utf8'))
        .filter(({ program }) => program !== 'node' && !(program in ALLOWED_TOOLS))
        .map(({ line, program }) => `${relative(root, file)}:${line} starts ${program}`),
    );
    expect(unexpected).toEqual([]);
  });
});
