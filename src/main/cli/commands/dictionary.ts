import { DICTIONARY_KINDS, DictionaryKind, type NewsroomWord } from '../../../shared/proofing/dictionary';
import { parseCommandArgs } from '../args';
import { call } from '../call';
import { CliError, type Command } from '../command';

const USAGE = [
  'newsroom dictionary list [SEARCH] [--offered] [--json] [--db PATH]',
  `       newsroom dictionary add <word…> [--kind ${DICTIONARY_KINDS.join('|')}] [--db PATH]`,
  '       newsroom dictionary remove <word…> [--db PATH]',
  '       newsroom dictionary accept|decline <word…> [--db PATH]',
].join('\n');

const line = (e: Pick<NewsroomWord, 'word' | 'kind'> & { by: string | null }) => `${e.word}\t${e.kind}${e.by ? `\t${e.by}` : ''}`;

/**
 * The newsroom dictionary from the command line: anyone lists it; adding, removing
 * and deciding on entries packages offered take a desk profile. Each argument is
 * one entry, so quote a name of several words: `newsroom dictionary add "Giàng A Chớ"`.
 */
export const dictionaryCommand: Command = {
  name: 'dictionary',
  usage: USAGE,
  summary: 'List, add or remove names and words of the newsroom dictionary (editing takes a desk profile)',
  async run(ctx) {
    const { values, positionals } = parseCommandArgs(ctx.args, { kind: { type: 'string' }, offered: { type: 'boolean' }, json: { type: 'boolean' } }, USAGE);
    const [action, ...words] = positionals;
    const kind = DictionaryKind.safeParse(values.kind ?? 'word');
    if (!kind.success) throw new CliError(`--kind must be one of ${DICTIONARY_KINDS.join(', ')}`, 2);
    if (action !== 'list' && !words.length) throw new CliError(`usage: ${USAGE}`, 2);
    const core = ctx.openCore();
    try {
      switch (action) {
        case 'list': {
          if (words.length > 1) throw new CliError(`usage: ${USAGE}`, 2);
          const { entries, offered } = await call(core, 'listNewsroomDictionary', { query: words[0] ?? '' });
          if (values.json) ctx.out(JSON.stringify(values.offered ? offered : entries, null, 2));
          else if (values.offered) offered.forEach((o) => ctx.out(line({ ...o, by: `offered by ${o.offeredBy}` })));
          else entries.forEach((e) => ctx.out(line({ ...e, by: e.addedBy })));
          return 0;
        }
        case 'add':
          for (const word of words) {
            const added = await call(core, 'addNewsroomWord', { word, kind: kind.data });
            ctx.out(`added: ${added.word} (${added.kind})`);
          }
          return 0;
        case 'remove': {
          let missing = 0;
          for (const word of words) {
            const { removed } = await call(core, 'removeNewsroomWord', { word });
            if (removed) ctx.out(`removed: ${word}`);
            else {
              ctx.err(`not in the dictionary: ${word}`);
              missing++;
            }
          }
          return missing ? 3 : 0;
        }
        case 'accept':
        case 'decline': {
          const { accepted, declined } = await call(core, 'decideOfferedWords', { words, accept: action === 'accept' });
          ctx.out(action === 'accept' ? `accepted ${accepted} offered entr${accepted === 1 ? 'y' : 'ies'}` : `declined ${declined} offered entr${declined === 1 ? 'y' : 'ies'}`);
          return accepted + declined === words.length ? 0 : 3;
        }
        default:
          throw new CliError(`usage: ${USAGE}`, 2);
      }
    } finally {
      core.close();
    }
  },
};
