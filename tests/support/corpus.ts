import { readFileSync } from 'node:fs';
import type { NodeJSON, StoredDocument } from '../../src/shared/document';
import { DOCUMENT_VERSION } from '../../src/shared/document';
import { SEED_PATH } from './temp';

/** Small deterministic PRNG (mulberry32): the same seed gives the same corpus everywhere. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Paragraphs of 40–110 words drawn at random (deterministically, from `seed`) from
 * the real seed article's words, each ending in a full stop: long Vietnamese text
 * for the editor benchmarks.
 */
export function seedParagraphs(words: number, seed: number): string[] {
  const vocab = readFileSync(SEED_PATH, 'utf8').normalize('NFC').split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const random = rng(seed);
  const out: string[] = [];
  let total = 0;
  while (total < words) {
    const n = Math.min(40 + Math.floor(random() * 70), words - total);
    const p: string[] = [];
    for (let i = 0; i < n; i++) p.push(vocab[Math.floor(random() * vocab.length)]!);
    const text = p.join(' ');
    out.push(text.charAt(0).toUpperCase() + text.slice(1).replace(/[.,;:]?$/, '.'));
    total += n;
  }
  return out;
}

/** Syllables of the real seed article, most frequent first: the corpus's common words. */
function seedSyllables(): string[] {
  const text = readFileSync(SEED_PATH, 'utf8').normalize('NFC');
  const counts = new Map<string, number>();
  for (const w of text.toLowerCase().match(/\p{L}+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
}

const ONSETS = ['b', 'c', 'ch', 'd', 'đ', 'g', 'gi', 'h', 'kh', 'l', 'm', 'n', 'ng', 'nh', 'ph', 'qu', 's', 't', 'th', 'tr', 'v', 'x'];
const RIMES = ['a', 'ai', 'am', 'an', 'ang', 'anh', 'ao', 'at', 'ăn', 'âm', 'ân', 'ât', 'e', 'em', 'en', 'ê', 'ên', 'i', 'iên', 'iêu', 'o', 'oa', 'oan', 'oi', 'om', 'on', 'ong', 'ô', 'ôi', 'ông', 'ơ', 'ơi', 'u', 'ui', 'un', 'ung', 'uyên', 'ư', 'ưa', 'ương', 'ưu', 'y'];
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

/**
 * A Vietnamese-looking vocabulary: the seed's syllables first (so frequent words
 * are real ones such as "cán", "bộ", "đào", "tạo"), then generated syllables that
 * make the long, rare tail a real archive has.
 */
export function vocabulary(size = 5000): string[] {
  const words = seedSyllables();
  const seen = new Set(words);
  const generated: string[] = [];
  for (const onset of ONSETS)
    for (const rime of RIMES)
      for (const tone of TONES) {
        const w = `${onset}${rime.normalize('NFD')}${tone}`.normalize('NFC');
        if (!seen.has(w)) {
          seen.add(w);
          generated.push(w);
        }
      }
  // A fixed shuffle, so the rare tail mixes all onsets.
  const r = rng(7);
  for (let i = generated.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [generated[i], generated[j]] = [generated[j]!, generated[i]!];
  }
  return [...words, ...generated].slice(0, size);
}

/** Draw word indexes with a Zipf-like skew: a few words everywhere, most words rare. */
export function zipfPicker(size: number, r: () => number): () => number {
  return () => Math.min(size - 1, Math.floor(Math.pow(size, r()) - 1));
}

export interface GeneratedArticle {
  headline: string;
  lead: string;
  paragraphs: string[];
  author: string;
}

const AUTHORS = ['Tiến Thành', 'Minh Anh', 'Thu Hà', 'Quốc Hùng', 'Lan Phương', 'Văn Nam'];

/** One article of about `words` syllables, reproducible from `seed`. */
export function generateArticle(seed: number, vocab: readonly string[], words = 800): GeneratedArticle {
  const r = rng(seed);
  const pick = zipfPicker(vocab.length, r);
  const sentence = (n: number) => {
    const out: string[] = [];
    for (let i = 0; i < Math.max(1, n); i++) out.push(vocab[pick()]!);
    const s = out.join(' ');
    return s[0]!.toUpperCase() + s.slice(1);
  };
  const paragraphs: string[] = [];
  let left = words - 50;
  while (left > 0) {
    const n = Math.min(left, 60 + Math.floor(r() * 40));
    paragraphs.push(`${sentence(Math.ceil(n / 2))}, ${sentence(Math.floor(n / 2))}.`);
    left -= n;
  }
  return { headline: sentence(8 + Math.floor(r() * 6)), lead: `${sentence(35)}.`, paragraphs, author: AUTHORS[seed % AUTHORS.length]! };
}

const text = (t: string): NodeJSON => ({ type: 'text', text: t });

/** A stored document for a generated article, with some bold and italic runs like real copy. */
export function storedDocument(a: GeneratedArticle): StoredDocument {
  const para = (p: string, i: number): NodeJSON => {
    if (i % 3 !== 0) return { type: 'paragraph', content: [text(p)] };
    const cut = p.indexOf(' ', 20);
    if (cut < 0) return { type: 'paragraph', content: [text(p)] };
    return { type: 'paragraph', content: [{ type: 'text', text: p.slice(0, cut), marks: [{ type: i % 2 ? 'em' : 'strong' }] }, text(p.slice(cut))] };
  };
  return {
    version: DOCUMENT_VERSION,
    doc: {
      type: 'doc',
      content: [
        { type: 'headline', content: [text(a.headline)] },
        { type: 'lead', content: [text(a.lead)] },
        { type: 'body', content: a.paragraphs.map(para) },
        { type: 'byline', content: [{ type: 'author', content: [text(a.author)] }] },
      ],
    },
  };
}
