import { englishSpeller, vietnameseSpeller } from '../../src/main/core/proofing/dictionaries';
import { describe, expect, it } from 'vitest';
import { createSpellChecker } from '../../src/shared/proofing/spelling';

// The dictionaries as the core loads them (read once per process).
const vi = vietnameseSpeller();
const en = englishSpeller();
const checker = (language = 'vi', known: string[] = []) => createSpellChecker({ language, vi, en, placement: 'old', isKnownWord: (w) => known.includes(w) });

describe('Vietnamese spelling', () => {
  it('flags nothing in clean text with English words, numbers, dates, abbreviations, addresses and names', () => {
    const text =
      'Ngày 10/6/2016, UBND và HĐND tỉnh cùng CBCC xã Pa Vây Sử bàn về COVID-19; bà con bán hàng online, dùng internet. ' +
      'Ông Giàng A Chớ đạt 27.309 lượt, tăng 12,5%. Xem https://baolaichau.vn/tin-tuc hoặc viết cho toasoan@baolaichau.vn. Tiến sỹ, tiến sĩ.';
    expect(checker()(text)).toEqual([]);
  });

  it('accepts both tone placements', () => {
    expect(checker()('hoà bình, hòa bình, thuý, thúy, thuỷ lợi, thủy lợi')).toEqual([]);
  });

  it('flags keyboard leftovers, impossible syllables and misplaced tones with the intended word', () => {
    const found = checker()('Tooi vieejt nghành qoá thưc hòan');
    expect(found.map((f) => [f.text, f.rule, f.suggestions[0]])).toEqual([
      ['Tooi', 'spelling.keyboard', 'Tôi'],
      ['vieejt', 'spelling.keyboard', 'việt'],
      ['nghành', 'spelling.impossible-syllable', 'ngành'],
      ['qoá', 'spelling.impossible-syllable', 'quá'],
      ['thưc', 'spelling.impossible-syllable', 'thức'],
      ['hòan', 'spelling.tone-position', 'hoàn'],
    ]);
    expect(found[0]).toMatchObject({ start: 0, end: 4, category: 'spelling', safe: true });
  });

  it('leaves the newsroom’s own words alone', () => {
    expect(checker('vi', ['livestream'])('buổi livestream')).toEqual([]);
    expect(checker()('buổi livestream').map((f) => f.text)).toEqual(['livestream']);
  });
});

describe('English spelling', () => {
  it('flags a misspelt word with suggestions and skips names and abbreviations', () => {
    const found = checker('en')('Officials in Lai Chau recieve training from UBND.');
    expect(found.map((f) => f.text)).toEqual(['recieve']);
    expect(found[0]!.suggestions).toContain('receive');
  });
});
