import { reasonFor } from '../../api/error-text';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkStyle } from '../../../../shared/proofing/rules/engine';
import { loadRules, type RuleProblem, type RulesFile } from '../../../../shared/proofing/rules/schema';
import { announceRulesSaved } from '../../editor/plugins/proofing';
import type { FeatureViewProps } from '../index';
import './rules-screen.css';

/** A rule as the file holds it; the screen edits these fields and leaves the rest as they are. */
type RawRule = {
  id?: string;
  group?: string;
  severity?: string;
  enabled?: boolean;
  message?: { vi?: string; en?: string };
  pattern?: { type?: string; source?: string; replacement?: string; pairs?: [string, string][]; check?: string };
};

const pairsToText = (pairs: [string, string][] = []) => pairs.map(([a, b]) => `${a} => ${b}`).join('\n');
const textToPairs = (text: string): [string, string][] =>
  text
    .split('\n')
    .map((line) => line.split('=>').map((s) => s.trim()))
    .filter((p): p is [string, string] => p.length === 2 && p[0] !== '' && p[1] !== '');

function RuleEditor({ rule, onChange }: { rule: RawRule; onChange(rule: RawRule): void }) {
  const { t } = useTranslation();
  const [pairsText, setPairsText] = useState(() => pairsToText(rule.pattern?.pairs));
  const id = rule.id ?? '?';
  const field = (suffix: string) => `rule-${id}-${suffix}`;
  return (
    <li className="rules-item" data-testid={`rule-${id}`}>
      <div className="rules-item-head">
        <label>
          <input type="checkbox" checked={rule.enabled !== false} onChange={(e) => onChange({ ...rule, enabled: e.target.checked })} /> <code>{id}</code>
        </label>
        <label htmlFor={field('severity')}>{t('proofing.rules.severity')}</label>
        <select id={field('severity')} value={rule.severity} onChange={(e) => onChange({ ...rule, severity: e.target.value })}>
          {(['error', 'warning', 'info'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`proofing.rules.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <label htmlFor={field('message')}>{t('proofing.rules.message')}</label>
      <input id={field('message')} type="text" value={rule.message?.vi ?? ''} onChange={(e) => onChange({ ...rule, message: { ...rule.message, vi: e.target.value } })} />
      <label htmlFor={field('message-en')}>{t('proofing.rules.messageEn')}</label>
      <input id={field('message-en')} type="text" value={rule.message?.en ?? ''} onChange={(e) => onChange({ ...rule, message: { ...rule.message, en: e.target.value } })} />
      {rule.pattern?.type === 'regex' && (
        <>
          <label htmlFor={field('source')}>{t('proofing.rules.pattern')}</label>
          <input id={field('source')} type="text" spellCheck={false} value={rule.pattern.source ?? ''} onChange={(e) => onChange({ ...rule, pattern: { ...rule.pattern, source: e.target.value } })} />
          <label htmlFor={field('replacement')}>{t('proofing.rules.replacement')}</label>
          <input id={field('replacement')} type="text" spellCheck={false} value={rule.pattern.replacement ?? ''} onChange={(e) => onChange({ ...rule, pattern: { ...rule.pattern, replacement: e.target.value } })} />
        </>
      )}
      {rule.pattern?.type === 'pairs' && (
        <>
          <label htmlFor={field('pairs')}>{t('proofing.rules.pairs')}</label>
          <textarea
            id={field('pairs')}
            rows={6}
            spellCheck={false}
            value={pairsText}
            onChange={(e) => {
              setPairsText(e.target.value);
              onChange({ ...rule, pattern: { ...rule.pattern, pairs: textToPairs(e.target.value) } });
            }}
          />
        </>
      )}
      {rule.pattern?.type === 'builtin' && <p className="rules-hint">{t('proofing.rules.builtin', { check: rule.pattern.check })}</p>}
    </li>
  );
}

/**
 * The desk's house-style rules: severity, messages and patterns of each rule and
 * the tone placement (the newsroom dictionary has its own screen), with a test box that runs the rules
 * as edited. Saving writes a new version of the rules file; open editors reload it.
 */
export function RulesScreen({ client, notify }: FeatureViewProps) {
  const { t } = useTranslation();
  const [file, setFile] = useState<RulesFile | null>(null);
  const [rules, setRules] = useState<RawRule[]>([]);
  const [sample, setSample] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    client
      .getProofingRules({})
      .then(({ file: loaded }) => {
        setFile(loaded as RulesFile);
        setRules(loaded.rules as RawRule[]);
      })
      .catch((err: unknown) => setError(reasonFor(err, t)));
  }, [client]);

  const edited: RulesFile | null = useMemo(
    () => (file ? { ...file, rules } : null),
    [file, rules],
  );
  const loaded = useMemo(() => {
    if (!edited) return null;
    try {
      return loadRules(edited);
    } catch (err) {
      return { problems: [{ index: -1, message: reasonFor(err, t) }] as RuleProblem[], rules: [], placement: edited.placement };
    }
  }, [edited]);
  const matches = useMemo(() => {
    if (!loaded || !sample.trim()) return [];
    const paragraphs = sample.split('\n').map((text, paragraph) => ({ part: 'body' as const, paragraph, text: text.normalize('NFC'), pos: -1 }));
    return checkStyle(paragraphs, loaded.rules, { agencyTag: '', placement: loaded.placement });
  }, [loaded, sample]);

  const save = async () => {
    if (!edited || !file) return;
    setError(null);
    try {
      const saved = await client.saveProofingRules({ file: edited as never, baseVersion: file.version });
      setFile({ ...edited, version: saved.version });
      announceRulesSaved();
      notify(t('proofing.rules.saved', { version: saved.version }));
    } catch (err) {
      setError(reasonFor(err, t));
    }
  };

  if (!edited || !loaded) return <div className="rules-screen">{error ? <p role="alert" className="error">{error}</p> : <p>{t('proofing.rules.loading')}</p>}</div>;
  const language = document.documentElement.lang === 'en' ? 'en' : 'vi';
  return (
    <div className="rules-screen">
      <h2>
        {t('proofing.rules.title')} <small>{t('proofing.rules.version', { version: file!.version })}</small>
      </h2>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <section className="rules-test" aria-labelledby="rules-test-title">
        <h3 id="rules-test-title">{t('proofing.rules.testBox')}</h3>
        <textarea aria-labelledby="rules-test-title" aria-describedby="rules-test-hint" data-testid="rules-test-box" rows={3} value={sample} onChange={(e) => setSample(e.target.value)} />
        <p id="rules-test-hint" className="rules-hint">
          {t('proofing.rules.testHint')}
        </p>
        {sample.trim() && (
          <ul data-testid="rules-test-results" aria-live="polite">
            {matches.length ? (
              matches.map((m, i) => (
                <li key={i}>
                  <code>{m.rule}</code>: “{m.text}”{m.suggestions[0] !== undefined ? ` → “${m.suggestions[0]}”` : ''} — {m.message[language]}
                </li>
              ))
            ) : (
              <li>{t('proofing.rules.testNone')}</li>
            )}
          </ul>
        )}
      </section>
      {loaded.problems.length > 0 && (
        <div role="alert" className="error">
          {t('proofing.rules.problems')}
          <ul>
            {loaded.problems.map((p) => (
              <li key={`${p.index}-${p.id}`}>
                {p.id ? <code>{p.id}</code> : `#${p.index + 1}`}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="rules-settings">
        <label htmlFor="rules-placement">{t('proofing.rules.placement')}</label>
        <select id="rules-placement" value={edited.placement} onChange={(e) => setFile({ ...file!, placement: e.target.value as RulesFile['placement'] })}>
          <option value="old">{t('proofing.rules.placementOld')}</option>
          <option value="new">{t('proofing.rules.placementNew')}</option>
        </select>
      </div>
      <ol className="rules-list">
        {rules.map((rule, i) => (
          <RuleEditor key={rule.id ?? i} rule={rule} onChange={(next) => setRules(rules.map((r, j) => (j === i ? next : r)))} />
        ))}
      </ol>
      <button type="button" className="primary" onClick={() => void save()}>
        {t('proofing.rules.save')}
      </button>
    </div>
  );
}
