import { useTranslation } from 'react-i18next';
import type { FeatureViewProps } from '../index';
import { PackagePicker } from './PackagePicker';
import './review.css';

/** File → Open package…: choose a received `.newsroom` file; the article opens with the outcome announced. */
export function OpenPackageView(props: FeatureViewProps) {
  const { t } = useTranslation();
  return (
    <div className="review-view open-package-view">
      <h2>{t('review.openPackage.title')}</h2>
      <p>{t('review.openPackage.intro')}</p>
      <PackagePicker context={props} t={t} received={props.received} />
    </div>
  );
}
