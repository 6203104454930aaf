import { COMMAND_SHORTCUTS } from '../../../../shared/menu-commands';
import type { Feature } from '../index';
import { TemplatePicker } from './TemplatePicker';
import { TemplatesView } from './TemplatesView';

/** File → New from template…: the picker (the id matches the Electron menu command). */
export const newFromTemplateFeature: Feature = {
  id: 'new-from-template',
  menu: 'file',
  labelKey: 'templates.pickerMenu',
  shortcut: COMMAND_SHORTCUTS['new-from-template'],
  view: TemplatePicker,
};

/** Tools → Templates…: the desk edits the templates; others see them read-only. */
export const templatesFeature: Feature = {
  id: 'templates',
  menu: 'tools',
  labelKey: 'templates.manageMenu',
  view: TemplatesView,
};
