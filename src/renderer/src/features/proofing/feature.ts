import { COMMAND_SHORTCUTS } from '../../../../shared/menu-commands';
import { toggleProofingPanel } from '../../editor/plugins/proofing';
import type { Feature } from '../index';
import { ProofingScreen } from './ProofingScreen';

/** View → Proofing panel (F7): findings of the open article. */
export const proofingPanelFeature: Feature = {
  id: 'proofing-panel',
  menu: 'view',
  labelKey: 'proofing.panelMenu',
  shortcut: COMMAND_SHORTCUTS['proofing-panel'],
  needsArticle: true,
  run: ({ editor }) => void editor?.run(toggleProofingPanel),
};

/** Tools → House style rules…: the desk edits the rules file (with a test box) and the newsroom dictionary. */
export const proofingRulesFeature: Feature = {
  id: 'proofing-rules',
  menu: 'tools',
  labelKey: 'proofing.rulesMenu',
  view: ProofingScreen,
};
