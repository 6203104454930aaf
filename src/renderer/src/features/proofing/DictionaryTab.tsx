import { reasonFor } from '../../api/error-text';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/api';
import { DICTIONARY_KINDS, type DictionaryKind } from '../../../../shared/proofing/dictionary';
import { announceRulesSaved } from '../../editor/plugins/proofing';
import type { FeatureViewProps } from '../index';

type Listing = CallOutput<'listNewsroomDictionary'>;

/**
 * The newsroom dictionary: everyone searches it; a desk profile adds and removes
 * names, and accepts or declines the entries handoff packages offered. Every
 * change reloads the proofing of open editors.
 */
export function DictionaryTab({ client, notify }: Pick<FeatureViewProps, 'client' | 'notify'>) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [listing, setListing] = useState<Listing | null>(null);
  const [word, setWord] = useState('');
  const [kind, setKind] = useState<DictionaryKind>('place');
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    client
      .listNewsroomDictionary({ query })
      .then(setListing)
      .catch((err: unknown) => setError(reasonFor(err, t)));
  }, [client, query]);
  useEffect(load, [load]);

  /** Run a change, then show the list as stored and tell open editors. */
  const change = async (action: () => Promise<string>) => {
    setError(null);
    try {
      notify(await action());
      announceRulesSaved();
      load();
    } catch (err) {
      setError(reasonFor(err, t));
    }
  };

  const add = () =>
    change(async () => {
      const added = await client.addNewsroomWord({ word, kind });
      setWord('');
      return t('proofing.dictionary.added', { word: added.word });
    });

  if (!listing) return <div className="dictionary-tab">{error ? <p role="alert" className="error">{error}</p> : <p>{t('proofing.rules.loading')}</p>}</div>;
  return (
    <div className="dictionary-tab">
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!listing.canEdit && <p className="rules-hint">{t('proofing.dictionary.readOnly')}</p>}
      {listing.canEdit && (
        <form
          className="dictionary-add"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <label htmlFor="dictionary-word">{t('proofing.dictionary.word')}</label>
          <input id="dictionary-word" type="text" maxLength={200} spellCheck={false} value={word} onChange={(e) => setWord(e.target.value)} />
          <label htmlFor="dictionary-kind">{t('proofing.dictionary.kind')}</label>
          <select id="dictionary-kind" value={kind} onChange={(e) => setKind(e.target.value as DictionaryKind)}>
            {DICTIONARY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`proofing.dictionary.kinds.${k}`)}
              </option>
            ))}
          </select>
          <button type="submit" disabled={!word.trim()}>
            {t('proofing.dictionary.add')}
          </button>
        </form>
      )}
      {listing.offered.length > 0 && (
        <section aria-labelledby="dictionary-offered-title">
          <h3 id="dictionary-offered-title">{t('proofing.dictionary.offered', { count: listing.offered.length })}</h3>
          <ul className="dictionary-list" data-testid="dictionary-offered">
            {listing.offered.map((o) => (
              <li key={o.word}>
                <span>{o.word}</span> <small>{t(`proofing.dictionary.kinds.${o.kind}`)} · {t('proofing.dictionary.offeredBy', { name: o.offeredBy })}</small>
                {listing.canEdit && (
                  <>
                    <button type="button" onClick={() => void change(async () => (await client.decideOfferedWords({ words: [o.word], accept: true }), t('proofing.dictionary.accepted', { word: o.word })))}>
                      {t('proofing.dictionary.accept')}
                    </button>
                    <button type="button" onClick={() => void change(async () => (await client.decideOfferedWords({ words: [o.word], accept: false }), t('proofing.dictionary.declined', { word: o.word })))}>
                      {t('proofing.dictionary.decline')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <label htmlFor="dictionary-search">{t('proofing.dictionary.search')}</label>
      <input id="dictionary-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      <p className="rules-hint">{t('proofing.dictionary.count', { count: listing.entries.length })}</p>
      <ul className="dictionary-list" data-testid="dictionary-entries">
        {listing.entries.map((e) => (
          <li key={e.word}>
            <span>{e.word}</span> <small>{t(`proofing.dictionary.kinds.${e.kind}`)}{e.addedBy ? ` · ${e.addedBy}` : ''}</small>
            {listing.canEdit && (
              <button type="button" aria-label={t('proofing.dictionary.removeWord', { word: e.word })} onClick={() => void change(async () => (await client.removeNewsroomWord({ word: e.word }), t('proofing.dictionary.removed', { word: e.word })))}>
                {t('proofing.dictionary.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
