// Runs Copydesk's labelled screening corpus through the obscenity filter and prints the same
// confusion table as ScreeningCorpusTests, so the two can be compared side by side.
//
//   cd src/test/bench/obscenity && npm install && npm run compare
//
// Two runs: (1) obscenity's English preset (its own word list and whitelist, recommended
// transformers); (2) the same transformers with Copydesk's default lists: a banned entry rejects,
// a suspect entry holds (obscenity itself only says "matched"). Entries of three letters or less
// are matched as whole words (|ass|), longer ones anywhere in a word, as obscenity's own list does.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import {
  DataSet, RegExpMatcher, englishDataset, englishRecommendedTransformers, parseRawPattern,
} from 'obscenity';

const here = dirname(fileURLToPath(import.meta.url));
const resources = join(here, '..', '..', 'resources');
const OUTCOMES = ['APPROVE', 'HOLD', 'REJECT'];

// ModerationSettings.defaults(); "?dick" is Copydesk's hold-don't-reject mark: a suspect word here
const BANNED = ['fuck', 'motherfucker', 'cunt', 'twat', 'wanker', 'kill yourself', 'asshole', 'dickhead'];
const SUSPECT = ['dick', 'idiot', 'moron', 'stupid', 'shit', 'ass', 'bitch', 'crap', 'bastard', 'viagra', 'casino',
  'crypto', 'work from home', 'click here'];

function read(file) {
  return readFileSync(join(resources, file), 'utf8').split('\n').slice(1).filter((l) => l.trim())
    .map((l) => { const [kind, expected, ...text] = l.split('\t'); return { kind, expected, text: text.join('\t') }; });
}

function listMatcher(words) {
  const data = new DataSet();
  for (const w of words) {
    const raw = w.length <= 3 ? `|${w}|` : w;
    data.addPhrase((p) => p.setMetadata({ originalWord: w }).addPattern(parseRawPattern(raw)));
  }
  return new RegExpMatcher({ ...data.build(), ...englishRecommendedTransformers });
}

function table(results) {
  const rows = new Map();
  for (const r of results) {
    const key = `${r.expected} | ${r.kind}`;
    if (!rows.has(key)) rows.set(key, [0, 0, 0]);
    rows.get(key)[OUTCOMES.indexOf(r.outcome)]++;
  }
  const lines = ['| expected | kind | n | approved | held | rejected |', '|---|---|---|---|---|---|'];
  const total = [0, 0, 0];
  for (const key of [...rows.keys()].sort()) {
    const c = rows.get(key);
    c.forEach((v, i) => { total[i] += v; });
    lines.push(`| ${key} | ${c[0] + c[1] + c[2]} | ${c.join(' | ')} |`);
  }
  lines.push(`| all | | ${results.length} | ${total.join(' | ')} |`);
  for (const e of OUTCOMES) {
    const of = results.filter((r) => r.expected === e);
    const pct = (o) => (100 * of.filter((r) => r.outcome === o).length / of.length).toFixed(1);
    lines.push(`${e}: ${pct('APPROVE')}% approved, ${pct('HOLD')}% held, ${pct('REJECT')}% rejected`);
  }
  return lines.join('\n');
}

const corpus = [...read('screening-corpus.tsv'), ...read('screening-corpus-fresh.tsv')];

const english = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
console.log(`obscenity ${JSON.parse(readFileSync(join(here, 'node_modules', 'obscenity', 'package.json'))).version}, English preset, ${corpus.length} comments\n`);
console.log(table(corpus.map((c) => ({ ...c, outcome: english.hasMatch(c.text) ? 'REJECT' : 'APPROVE' }))));

const banned = listMatcher(BANNED);
const suspect = listMatcher(SUSPECT);
console.log('\nobscenity with Copydesk\'s default lists (banned rejects, suspect holds)\n');
console.log(table(corpus.map((c) => ({
  ...c,
  outcome: banned.hasMatch(c.text) ? 'REJECT' : suspect.hasMatch(c.text) ? 'HOLD' : 'APPROVE',
}))));
