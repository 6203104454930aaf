import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeatureViewProps } from '../index';
import { DictionaryTab } from './DictionaryTab';
import { RulesScreen } from './RulesScreen';

/** Công cụ → Quy định văn phong…: two tabs, the house-style rules and the newsroom dictionary. */
export function ProofingScreen(props: FeatureViewProps) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'rules' | 'dictionary'>('rules');
  return (
    <div className="proofing-screen">
      <div role="tablist" className="proofing-tabs">
        <button type="button" role="tab" aria-selected={tab === 'rules'} onClick={() => setTab('rules')}>
          {t('proofing.rules.tab')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'dictionary'} onClick={() => setTab('dictionary')}>
          {t('proofing.dictionary.tab')}
        </button>
      </div>
      <div role="tabpanel">{tab === 'rules' ? <RulesScreen {...props} /> : <DictionaryTab client={props.client} notify={props.notify} />}</div>
    </div>
  );
}
