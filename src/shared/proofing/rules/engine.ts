/** Run house-style rules over an article's paragraphs. */
import { foldWithMap } from '../../text';
import type { Finding } from '../finding';
import type { ProofParagraph } from '../paragraphs';
import { runBuiltin, type StyleContext } from './builtins';
import type { CompiledRule, RuleExample } from './schema';

export type { StyleContext } from './builtins';

/** A finding placed in the article: which part, and which of that part's paragraphs. */
export interface ArticleFinding extends Finding {
  part: ProofParagraph['part'];
  paragraph: number;
}

/** `$1`, `$2`…, `$&` and `$$` in a template, filled from one match. */
function expandTemplate(template: string, match: RegExpExecArray): string {
  return template.replace(/\$(\$|&|\d+)/g, (_, key: string) => (key === '$' ? '$' : key === '&' ? match[0] : (match[Number(key)] ?? '')));
}

const matchCase = (model: string, word: string) => (/^\p{Lu}/u.test(model) ? word.charAt(0).toUpperCase() + word.slice(1) : word);

function suggestionFor(rule: CompiledRule, match: RegExpExecArray): string[] {
  const pattern = rule.data.pattern;
  if (pattern.type === 'pairs') {
    const wanted = match[0].toLowerCase();
    const pair = pattern.pairs.find(([wrong]) => wrong.toLowerCase() === wanted);
    return pair ? [matchCase(match[0], pair[1])] : [];
  }
  if (pattern.type !== 'regex') return [];
  if (pattern.swap) {
    const [a, b] = pattern.swap;
    return [[...match[0]].map((c) => (c === a ? b : c === b ? a : c)).join('')];
  }
  return pattern.replacement !== undefined ? [expandTemplate(pattern.replacement, match)] : [];
}

function regexFindings(rule: CompiledRule, p: ProofParagraph): ArticleFinding[] {
  const pattern = rule.data.pattern;
  if (pattern.type === 'regex' && pattern.parts && !pattern.parts.includes(p.part)) return [];
  const folded = pattern.type === 'regex' && pattern.over === 'folded' ? foldWithMap(p.text) : null;
  const subject = folded ? folded.folded : p.text;
  const out: ArticleFinding[] = [];
  const regex = new RegExp(rule.regex!.source, rule.regex!.flags);
  for (let m = regex.exec(subject); m; m = regex.exec(subject)) {
    if (m[0] === '') {
      regex.lastIndex++;
      continue;
    }
    const start = folded ? folded.map[m.index]! : m.index;
    const end = folded ? folded.map[m.index + m[0].length]! : m.index + m[0].length;
    out.push(finding(rule, p, start, end, suggestionFor(rule, m)));
  }
  return out;
}

function finding(rule: CompiledRule, p: ProofParagraph, start: number, end: number, suggestions: string[]): ArticleFinding {
  return {
    part: p.part,
    paragraph: p.paragraph,
    start,
    end,
    text: p.text.slice(start, end),
    rule: rule.data.id,
    category: rule.category,
    severity: rule.severity,
    message: rule.message,
    suggestions,
    safe: rule.data.safe && suggestions.length > 0,
  };
}

/** Every enabled rule over the article's paragraphs, in rule order. */
export function checkStyle(paragraphs: ProofParagraph[], rules: readonly CompiledRule[], ctx: StyleContext): ArticleFinding[] {
  const out: ArticleFinding[] = [];
  for (const rule of rules) {
    if (!rule.data.enabled) continue;
    if (rule.regex) {
      for (const p of paragraphs) out.push(...regexFindings(rule, p));
      continue;
    }
    for (const hit of runBuiltin(rule.data, paragraphs, ctx)) out.push(finding(rule, paragraphs[hit.paragraphIndex]!, hit.start, hit.end, hit.suggestions));
  }
  return out;
}

/** One rule over one example, as the rules screen's test box and the rules file's tests run it. */
export function checkExample(rule: CompiledRule, example: RuleExample, placement: StyleContext['placement']): ArticleFinding[] {
  const e = typeof example === 'string' ? { text: example } : example;
  const paragraph: ProofParagraph = { part: e.part ?? 'body', paragraph: 0, text: e.text.normalize('NFC'), pos: -1 };
  return checkStyle([paragraph], [rule], { agencyTag: e.agencyTag ?? '', placement: e.placement ?? placement });
}
