import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cssFetchProblem } from '../../src/shared/css-safety';
import { DEFAULT_PROFILE, PublicationProfile } from '../../src/shared/export';

/** CSS that makes a browser fetch (or run) something, each with the problem the check must name. */
const FETCHING: [string, ReturnType<typeof cssFetchProblem>][] = [
  ['body{background:image-set("a.png" 1x, "b.png" 2x)}', { kind: 'function', name: 'image-set()' }],
  ["body{background:-webkit-image-set('a.png' 1x)}", { kind: 'function', name: '-webkit-image-set()' }],
  ['body{background:url(https://x.example/p.png)}', { kind: 'function', name: 'url()' }],
  ['body{background:URL( "p.png" )}', { kind: 'function', name: 'URL()' }],
  ['body{background:u\\rl(p.png)}', { kind: 'escape' }],
  ['body{background:\\75 rl(p.png)}', { kind: 'escape' }],
  ['@import "https://x.example/a.css";', { kind: 'at-rule', name: '@import' }],
  ['@IMPORT url(a.css);', { kind: 'at-rule', name: '@IMPORT' }],
  ['@import/**/"a.css";', { kind: 'at-rule', name: '@import' }],
  ['@font-face{font-family:X;src:local(Arial)}', { kind: 'at-rule', name: '@font-face' }],
  ['@namespace svg "http://www.w3.org/2000/svg";', { kind: 'at-rule', name: '@namespace' }],
  ['img{filter:url(#f)}', { kind: 'function', name: 'url()' }],
  ['a{cursor:url(c.cur),auto}', { kind: 'function', name: 'url()' }],
  ['p{mask:url(m.svg)}', { kind: 'function', name: 'url()' }],
  ['ul{list-style-image:url(l.png)}', { kind: 'function', name: 'url()' }],
  ['p{behavior:"b.htc"}', { kind: 'property', name: 'behavior' }],
  ['p{color:red;-moz-binding:"x.xml#b"}', { kind: 'property', name: '-moz-binding' }],
  ['p{width:expression(alert(1))}', { kind: 'function', name: 'expression()' }],
  ['p::before{content:image("a.png")}', { kind: 'function', name: 'image()' }],
  ['p{background:cross-fade(50% linear-gradient(red,blue), 50% "b.png")}', { kind: 'function', name: 'cross-fade()' }],
  ['p{background:-moz-element(#x)}', { kind: 'function', name: '-moz-element()' }],
  ['p{background:src("a.png")}', { kind: 'function', name: 'src()' }],
  ['p{background:paint(worklet)}', { kind: 'function', name: 'paint()' }],
  ['</style><script>alert(1)</script>', { kind: 'angle-bracket' }],
  ['p{color:red}/* url(', { kind: 'unclosed-comment' }],
  ['p{content:"url(\n)"}', { kind: 'unclosed-string' }],
];

/** CSS a desk may well write: it fetches nothing. */
const HARMLESS = [
  'h1{color:#102030}',
  'body{font-family:"Noto Serif",Georgia,serif}',
  '.lead{margin:calc(1rem + 2px) 0;color:rgb(10 20 30 / 50%)}',
  'figure{background:linear-gradient(to right,#eee,hsl(0 0% 90%))}',
  'a[href^="http"]::after{content:" (" attr(href) ")"}',
  'p:not(.lead):nth-child(2n+1){transform:translateX(2px) rotate(1deg)}',
  '@media print and (min-width:600px){.site{display:none}}',
  '@supports (display:grid){main{display:grid;grid-template-columns:repeat(2,minmax(0,1fr))}}',
  '@keyframes fade{from{opacity:0}to{opacity:1}}',
  'p::before{content:"url(x) @import y"}',
  '/* background: url(x) is not allowed */ h2{font-style:italic}',
  'blockquote{quotes:"“" "”"}',
];

describe('profile CSS that could make an exported page fetch anything', () => {
  it.each(FETCHING)('refuses %s', (css, problem) => {
    expect(cssFetchProblem(css)).toEqual(problem);
    expect(PublicationProfile.safeParse({ ...DEFAULT_PROFILE, css }).success).toBe(false);
  });

  it.each(HARMLESS)('accepts %s', (css) => {
    expect(cssFetchProblem(css)).toBeNull();
    expect(PublicationProfile.safeParse({ ...DEFAULT_PROFILE, css }).success).toBe(true);
  });

  it('names the refused function in the profile editor message', () => {
    const result = PublicationProfile.safeParse({ ...DEFAULT_PROFILE, css: 'body{background:image-set("a.png" 1x)}' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('CSS may not use image-set(): exported pages load nothing from outside (url(), image-set() and similar functions are refused).');
  });

  /** One character of a name as CSS lets it be written: itself, other case, or a CSS escape (hex or not). */
  const spelled = (ch: string) =>
    fc.oneof(
      fc.constant(ch),
      fc.constant(ch.toUpperCase()),
      fc.tuple(fc.integer({ min: 0, max: 4 }), fc.constantFrom('', ' ', '\t', '\n')).map(([zeros, end]) => `\\${'0'.repeat(zeros)}${ch.charCodeAt(0).toString(16)}${end}`),
      fc.constant(/[0-9a-f]/i.test(ch) ? ch : `\\${ch}`),
    );
  const spelling = (name: string) => fc.tuple(...[...name].map(spelled)).map((chars) => chars.join(''));
  const gap = fc.constantFrom('', ' ', '\n', '/* x */', ' /**/ ');

  it('refuses every spelling of a fetching function or at-rule, in any declaration', () => {
    const fetching = fc.oneof(
      fc
        .tuple(
          fc.constantFrom('url', 'image-set', '-webkit-image-set', 'image', 'src', 'cross-fade', 'expression', 'element', '-moz-element'),
          fc.constantFrom('background', 'background-image', 'cursor', 'mask', 'mask-image', 'list-style-image', 'filter', 'content', 'border-image', 'behavior', 'shape-outside'),
          fc.constantFrom('"x.png"', "'//x.example/p.png'", 'x.png', '"a.png" 1x'),
          gap,
        )
        .chain(([name, property, argument, space]) => spelling(name).map((n) => `p{color:red;${property}:${space}${n}(${argument})}`)),
      fc
        .tuple(fc.constantFrom('import', 'font-face', 'namespace'), gap)
        .chain(([name, space]) => spelling(name).map((n) => `@${n}${space}"x.css";`)),
    );
    fc.assert(
      fc.property(fc.tuple(gap, fetching, gap), ([before, css, after]) => {
        expect(cssFetchProblem(`${before}${css}${after}`)).not.toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts harmless CSS however it is spaced, cased and commented', () => {
    const declaration = fc.constantFrom('color:#333', 'margin:0 auto', 'font:italic 1rem/1.4 Georgia,serif', 'width:calc(100% - 2rem)', 'background:linear-gradient(#fff,#eee)', 'transform:rotate(1deg)');
    const rule = fc
      .tuple(fc.constantFrom('h1', 'p:not(.lead)', '.credit', 'figure img', 'a:hover'), fc.array(declaration, { minLength: 1, maxLength: 4 }), gap)
      .map(([selector, declarations, space]) => `${selector}${space}{${declarations.join(`;${space}`)}}`);
    fc.assert(
      fc.property(fc.array(rule, { minLength: 1, maxLength: 5 }), fc.boolean(), (rules, inMedia) => {
        const css = rules.join('\n');
        const text = inMedia ? `@MEDIA print{${css}}` : css;
        expect(cssFetchProblem(text)).toBeNull();
      }),
    );
  });
});
