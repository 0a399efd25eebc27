// Benchmark: reply-extraction quality — how often the email channel keeps exactly the new text of a
// reply, on public corpora written by other projects, side by side with the npm packages
// `email-reply-parser` (crisp-oss) and `planer` (a port of mailgun's talon).
//
//   node -r ./scripts/register.cjs bench/email/reply-extraction.bench.ts              (the table)
//   node -r ./scripts/register.cjs bench/email/reply-extraction.bench.ts --failures   (+ our failing cases)
//
// The corpora are read at run time from <repo>/../shared/email-corpora (override: REPLY_CORPORA=<dir>);
// they are not copied into the repo (their README has the sources and licences). A case passes when
// the output equals `expected` after collapsing every run of whitespace to one space and trimming —
// the same for all three extractors — or, for `basis: assert` cases, when every `contains` pattern
// matches and no `excludes` pattern does (multiline regexes on the output). `mime: true` cases are
// whole .eml files: ours go through the channel's real MIME path (toInboundMessage); the peers get
// the text part mailparser derives (the text of an HTML-only mail included). The time per message
// is the mean over the cases of a corpus, in the median of BENCH_ROUNDS (5) timed rounds after an
// untimed warm-up; MIME parsing is included for every extractor alike.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import EmailReplyParser from 'email-reply-parser';
import { simpleParser } from 'mailparser';
import { toInboundMessage } from '../../plugins/channel-email/src/mime-message.js';
import { extractReply } from '../../plugins/channel-email/src/reply-extractor.js';

// planer ships no types; its text API is one function.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const planer: { extractFrom(body: string, contentType: string): string } = require('planer');

interface CorpusCase {
  id: string;
  input?: string;
  mime?: boolean;
  raw?: string;
  expected: string | null;
  basis: 'exact' | 'derived' | 'assert';
  contains?: string[];
  excludes?: string[];
}

type Extractor = (c: CorpusCase) => Promise<string>;

const REPO = resolve(__dirname, '../..');

/** <repo>/../shared/email-corpora; from a git worktree, the main checkout's neighbour (the same folder). */
function corporaDir(): string {
  if (process.env.REPLY_CORPORA) return resolve(process.env.REPLY_CORPORA);
  const beside = (root: string) => join(root, '..', 'shared', 'email-corpora');
  if (existsSync(beside(REPO))) return beside(REPO);
  try {
    const common = execFileSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], {
      cwd: REPO,
      encoding: 'utf8',
    }).trim();
    if (existsSync(beside(dirname(common)))) return beside(dirname(common));
  } catch {
    // not a git checkout: fall through to the error below
  }
  throw new Error(`no corpora at ${beside(REPO)}: set REPLY_CORPORA=<dir>`);
}
const DIR = corporaDir();
const SHOW_FAILURES = process.argv.includes('--failures');
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5));

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();
const tidy = (s: string) => s.replace(/\r\n?/g, '\n').trim();

/** The plain text a peer library is given: the input, or mailparser's text of a whole .eml. */
const peerText = async (c: CorpusCase) =>
  c.mime ? ((await simpleParser(Buffer.from(c.raw!, 'base64'))).text ?? '') : c.input!;

const EXTRACTORS: Record<string, Extractor> = {
  switchboard: async (c) =>
    c.mime ? (await toInboundMessage(Buffer.from(c.raw!, 'base64'), [])).text : extractReply(c.input!).text,
  'email-reply-parser': async (c) => new EmailReplyParser().read(await peerText(c)).getVisibleText(),
  planer: async (c) => planer.extractFrom(await peerText(c), 'text/plain'),
};

function passes(c: CorpusCase, got: string): boolean {
  const out = tidy(got);
  if (c.basis === 'assert' || c.expected == null) {
    return (
      (c.contains ?? []).every((p) => new RegExp(p, 'm').test(out)) &&
      !(c.excludes ?? []).some((p) => new RegExp(p, 'm').test(out))
    );
  }
  return normalise(out) === normalise(c.expected);
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(0)}%` : '-');
const pad = (s: string, n: number) => s.padEnd(n);

async function main(): Promise<void> {
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (!files.length) throw new Error(`no corpus JSON in ${DIR}`);
  const names = Object.keys(EXTRACTORS);
  const rows: string[][] = [];
  const totals = Object.fromEntries(names.map((n) => [n, { pass: 0, ms: 0 }]));
  let totalCases = 0;
  const failures: string[] = [];

  for (const file of files) {
    const corpus = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as { cases: CorpusCase[] };
    const cases = corpus.cases;
    const row = [file.replace(/\.json$/, ''), String(cases.length)];
    for (const name of names) {
      // One untimed round first: the timed ones measure warm code, not module loading and JIT.
      for (const c of cases) await EXTRACTORS[name](c).catch(() => '');
      const outputs: string[] = [];
      const roundMs: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        let ms = 0;
        for (const [n, c] of cases.entries()) {
          const start = performance.now();
          let got: string;
          try {
            got = await EXTRACTORS[name](c);
          } catch (err) {
            got = `<threw: ${(err as Error).message}>`;
          }
          ms += performance.now() - start;
          if (round === 0) outputs[n] = got;
        }
        roundMs.push(ms);
      }
      const ms = roundMs.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)];
      let pass = 0;
      for (const [n, c] of cases.entries()) {
        if (passes(c, outputs[n])) pass++;
        else if (name === 'switchboard' && SHOW_FAILURES) {
          const want =
            c.basis === 'assert' || c.expected == null
              ? `contains ${JSON.stringify(c.contains ?? [])} excludes ${JSON.stringify(c.excludes ?? [])}`
              : tidy(c.expected);
          failures.push(`### ${file} ${c.id}\n--- expected:\n${want}\n--- got:\n${tidy(outputs[n])}\n`);
        }
      }
      totals[name].pass += pass;
      totals[name].ms += ms;
      row.push(`${pct(pass, cases.length)} (${pass})`, `${((1000 * ms) / cases.length).toFixed(0)} µs`);
    }
    totalCases += cases.length;
    rows.push(row);
  }
  rows.push([
    'overall',
    String(totalCases),
    ...names.flatMap((n) => [
      `${pct(totals[n].pass, totalCases)} (${totals[n].pass})`,
      `${((1000 * totals[n].ms) / totalCases).toFixed(0)} µs`,
    ]),
  ]);

  const header = ['corpus', 'cases', ...names.flatMap((n) => [`${n} exact`, 'per msg'])];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => pad(c, widths[i])).join(' | ')} |`;
  console.log(`Reply extraction on ${DIR}\n`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  if (SHOW_FAILURES) console.log(`\n${failures.length} failing case(s) for switchboard:\n\n${failures.join('\n')}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
