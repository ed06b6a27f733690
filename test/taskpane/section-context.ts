/** A SectionContext outside the pane: the article's values, no user rows; a test gives the rest. */
import { ARTICLE_VALUES } from '../../src/model/values/index.js';
import { FILE_CELLS, NO_USER_TABLES } from '../../src/model/user/index.js';
import type { SectionContext } from '../../src/taskpane/sections/context.js';

export function sectionContext(parts: Pick<SectionContext, 'run' | 'lang' | 'onLanguageChange' | 'showStatus'>): SectionContext {
  return {
    progress: () => undefined,
    values: () => ARTICLE_VALUES,
    scenarios: () => [],
    valuesLabel: () => 'Values: Article',
    mine: () => ({ tables: NO_USER_TABLES, problems: [], cellOf: FILE_CELLS }),
    onValuesChange: () => undefined,
    ...parts,
  };
}
