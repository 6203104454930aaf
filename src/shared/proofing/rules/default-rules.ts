/** The paper's shipped house-style rules (the desk's edited copy, when there is one, replaces them). */
import houseStyle from './house-style.json' with { type: 'json' };
import type { RulesFile } from './schema';

export const DEFAULT_RULES: RulesFile = houseStyle as RulesFile;
