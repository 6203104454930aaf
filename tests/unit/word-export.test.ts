import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Node as PMNode } from 'prosemirror-model';
import { main } from '../../src/main/cli/main';
import { createCore, type Core } from '../../src/main/core/core';
import { importMediaBytes } from '../../src/main/core/media/import';
import { documentFromStored, documentToStored } from '../../src/shared/document';
import { schema } from '../../src/shared/schema';
import { SEED_PATH } from '../support/temp';
import { tempDbPerTest } from '../support/temp-per-test';
import { captureIo } from '../support/cli';
import { makePhoto } from './export-fixtures';

/**
 * Every part of an article as the reader sees it, one line each: headline, lead,
 * each body block by kind (a figure as its caption and credit, a list item by
 * its list), byline. Two articles with the same outline lost nothing in between.
 */
function outline(doc: PMNode): string[] {
  const lines: string[] = [];
  const part = (name: string, node: PMNode) => lines.push(`${name}: ${node.textContent}`);
  const block = (node: PMNode, prefix = '') => {
    const kind = node.type.name;
    if (kind === 'figure') {
      lines.push(`${prefix}figure caption: ${node.child(0).textContent}`);
      lines.push(`${prefix}figure credit: ${node.child(1).textContent}`);
    } else if (kind === 'bullet_list' || kind === 'ordered_list') {
      node.forEach((item) => item.forEach((child) => block(child, `${prefix}${kind} item `)));
    } else if (kind === 'heading') lines.push(`${prefix}heading ${node.attrs.level as number}: ${node.textContent}`);
    else if (kind === 'blockquote') node.forEach((child) => block(child, prefix));
    else if (kind === 'horizontal_rule') lines.push(`${prefix}rule`);
    else lines.push(`${prefix}${kind}: ${node.textContent}`);
  };
  part('headline', doc.child(0));
  part('lead', doc.child(1));
  doc.child(2).forEach((b) => block(b));
  doc.child(3).forEach((a) => part('author', a));
  return lines;
}

async function cli(args: string[], db: string) {
  const io = captureIo();
  const code = await main([...args, '--db', db], io.io);
  return { code, out: io.out, err: io.err };
}

async function importOne(path: string, db: string): Promise<string> {
  const r = await cli(['import', path, '--json'], db);
  expect(r.code, r.err.join('\n')).toBe(0);
  const parsed = JSON.parse(r.out.join('\n')) as { id: string }[] | { id: string };
  return (Array.isArray(parsed) ? parsed[0]! : parsed).id;
}

function stored(db: string, id: string): { doc: PMNode; meta: { agencyTag: string; publishedAt: string | null; slug: string } } {
  const core = createCore({ databasePath: db, host: 'browser' });
  try {
    const article = core.articles.get(id);
    return { doc: documentFromStored(article.document), meta: article.meta };
  } finally {
    core.close();
  }
}

const t = (s: string, marks: string[] = []) => schema.text(s, marks.map((m) => schema.marks[m]!.create()));
const p = (...content: PMNode[]) => schema.node('paragraph', null, content);

/** An article with every part the schema has: marks, subheadings, both lists, a quote, a rule, two photos. */
function everyPartDocument(photo: string | null, second: string | null): PMNode {
  const link = schema.marks.link!.create({ href: 'https://baolaichau.vn/chinh-tri' });
  return schema.node('doc', null, [
    schema.node('headline', null, [t('Lai Châu đào tạo cán bộ cho nền hành chính hiện đại')]),
    schema.node('lead', null, [t('Những năm qua, tỉnh '), t('tập trung', ['strong']), t(' xây dựng đội ngũ cán bộ, công chức '), t('có năng lực', ['em']), t('.')]),
    schema.node('body', null, [
      p(t('Theo đó, công tác đào tạo được triển khai theo Nghị quyết 05-NQ/TU, xem '), schema.text('trang chuyên đề', [link]), t('.')),
      schema.node('heading', { level: 2 }, [t('Cấp tỉnh')]),
      p(t('Giai đoạn 2011 – 2015, toàn tỉnh mở 120 lớp với hơn 8.000 lượt học viên.')),
      schema.node('figure', { mediaId: photo, alt: 'Lớp học tiếng Mông' }, [
        schema.node('caption', null, [t('Một giờ học '), t('tiếng Mông', ['em']), t(' của cán bộ xã Khổng Lào.')]),
        schema.node('credit', null, [t('Tiến Thành')]),
      ]),
      schema.node('heading', { level: 3 }, [t('Kết quả cụ thể')]),
      schema.node('bullet_list', null, [schema.node('list_item', null, [p(t('Trình độ chuyên môn được nâng lên.'))]), schema.node('list_item', null, [p(t('Lý luận chính trị vững vàng hơn.'))])]),
      schema.node('ordered_list', { order: 1 }, [schema.node('list_item', null, [p(t('Rà soát nhu cầu đào tạo.'))]), schema.node('list_item', null, [p(t('Mở lớp tại huyện.'))])]),
      schema.node('blockquote', null, [p(t('“Năm 2015, tôi được điều động về xã Khổng Lào,” chị Lò Thị Mai kể.'))]),
      schema.node('horizontal_rule'),
      p(t('Nhiệt độ xuống 5'), t('o', ['sup']), t('C nhưng các lớp vẫn học đều.')),
      schema.node('figure', { mediaId: second, alt: '' }, [schema.node('caption', null, [t('Học viên ôn bài buổi tối.')]), schema.node('credit', null, [t('Minh Anh')])]),
      p(t('Có thể khẳng định, công tác đào tạo đã góp phần quan trọng vào kết quả chung của tỉnh.')),
    ]),
    schema.node('byline', null, [schema.node('author', null, [t('Tiến Thành')]), schema.node('author', null, [t('Minh Anh')])]),
  ]);
}

describe('Word export (.docx) round trip through our own Word import', () => {
  const temp = tempDbPerTest();

  it('exports the seed article with its photo and reads every part back word for word', async () => {
    const story = join(temp.dir, 'story');
    mkdirSync(story);
    copyFileSync(SEED_PATH, join(story, 'bai.txt'));
    writeFileSync(join(story, 'anh1.jpg'), await makePhoto(temp.dir, { credit: 'Tiến Thành' }));
    const id = await importOne(story, temp.db);

    const out = join(temp.dir, 'word');
    const exported = await cli(['export', id, '--format', 'docx', '--out', out], temp.db);
    expect(exported.code, exported.err.join('\n')).toBe(0);
    const path = join(out, 'tung-buoc-dap-ung-yeu-cau-cua-nen-hanh-chinh-hien-dai.docx');
    expect(exported.out).toEqual([`word       ${path}`, '1 exported as Word, 0 failed']);

    const again = await importOne(path, temp.db);
    const original = stored(temp.db, id);
    const back = stored(temp.db, again);
    expect(outline(original.doc).length).toBeGreaterThanOrEqual(10);
    expect(outline(back.doc)).toEqual(outline(original.doc));
    expect(back.meta.agencyTag).toBe('BLC');
    expect(back.meta.publishedAt).toBe('2016-06-10T16:36:00+07:00');
    // The photo travelled inside the file: the re-imported figure has one.
    expect(back.doc.child(2).content.toJSON()).toContainEqual(expect.objectContaining({ type: 'figure', attrs: expect.objectContaining({ mediaId: expect.any(String) }) }));
  });

  it('exports an article with every part (marks, subheadings, lists, quote, rule, photos) and reads it back', async () => {
    const core: Core = createCore({ databasePath: temp.db, host: 'browser' });
    let id: string;
    try {
      const first = await importMediaBytes(core.media, await makePhoto(temp.dir, { seed: 2 }), 'a.jpg');
      const second = await importMediaBytes(core.media, await makePhoto(temp.dir, { seed: 3, width: 1200, height: 1600 }), 'b.jpg');
      id = core.articles.create({
        meta: { agencyTag: 'BLC', publishedAt: '2016-06-10T16:36:00+07:00' },
        document: documentToStored(everyPartDocument(first.media.id, second.media.id)),
      }).meta.id;
    } finally {
      core.close();
    }
    const out = join(temp.dir, 'word');
    const exported = await cli(['export', id, '--format', 'docx', '--out', out], temp.db);
    expect(exported.code, exported.err.join('\n')).toBe(0);
    const path = exported.out[0]!.replace(/^word\s+/, '');

    // Inside the file: Word's Title style for the headline, two pictures, the page number field.
    const files = unzipSync(readFileSync(path));
    const xml = new TextDecoder().decode(files['word/document.xml']);
    expect(xml).toMatch(/<w:pStyle w:val="Title"\/>[\s\S]*Lai Châu đào tạo cán bộ/);
    expect(Object.keys(files).filter((f) => f.startsWith('word/media/'))).toHaveLength(2);
    expect(new TextDecoder().decode(files['word/footer1.xml'])).toContain('PAGE');

    const back = stored(temp.db, await importOne(path, temp.db));
    const original = stored(temp.db, id);
    const expected = outline(original.doc).filter((l) => l !== 'rule');
    expect(outline(back.doc).filter((l) => l !== 'rule')).toEqual(expected);
    // Bold and italic in the lead, the link and the superscript come back as marks.
    const lead = back.doc.child(1);
    expect(lead.textContent).toBe('Những năm qua, tỉnh tập trung xây dựng đội ngũ cán bộ, công chức có năng lực.');
    const marked = (node: PMNode, mark: string) => {
      const texts: string[] = [];
      node.descendants((n) => {
        if (n.isText && n.marks.some((m) => m.type.name === mark)) texts.push(n.text!);
      });
      return texts;
    };
    expect(marked(back.doc.child(2), 'link')).toEqual(['trang chuyên đề']);
    expect(marked(back.doc.child(2), 'sup')).toEqual(['o']);
    expect(marked(back.doc.child(2), 'em')).toContain('tiếng Mông');
  });

  it('refuses to replace a file it did not write, leaving it byte for byte; replaces its own unchanged file', async () => {
    const core = createCore({ databasePath: temp.db, host: 'browser' });
    const id = core.articles.create({ meta: {}, document: documentToStored(everyPartDocument(null, null)) }).meta.id;
    const slug = core.articles.get(id).meta.slug;
    core.close();
    const out = join(temp.dir, 'word');
    mkdirSync(out);
    const target = join(out, `${slug}.docx`);
    writeFileSync(target, 'the lawyer’s annotated copy');

    const refused = await cli(['export', id, '--format', 'docx', '--out', out], temp.db);
    expect(refused.code).toBe(1);
    expect(refused.err.join('\n')).toContain(`${target} already exists and is not a Word file Newsroom wrote (or it was changed since), so it was left untouched`);
    expect(readFileSync(target, 'utf8')).toBe('the lawyer’s annotated copy');

    const other = join(temp.dir, 'word2');
    expect((await cli(['export', id, '--format', 'docx', '--out', other], temp.db)).code).toBe(0);
    // Our own file, unchanged: exported again over it.
    expect((await cli(['export', id, '--format', 'docx', '--out', other], temp.db)).code).toBe(0);
    // Changed by someone after the export: refused.
    writeFileSync(join(other, `${slug}.docx`), Buffer.concat([readFileSync(join(other, `${slug}.docx`)), Buffer.from('x')]));
    const changed = await cli(['export', id, '--format', 'docx', '--out', other], temp.db);
    expect(changed.code).toBe(1);
    expect(changed.err.join('\n')).toContain('is not a Word file Newsroom wrote');
  });
});
