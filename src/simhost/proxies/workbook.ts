import { guard } from './base.js';
import type { SimRequestContext } from './context.js';
import { NamedItemCollection } from './names.js';
import { CustomXmlPartCollection, SettingCollection } from './settings.js';
import { TableCollection } from './tables.js';
import { WorksheetCollection } from './worksheet.js';

// ------------------------------------------------------------------ application & workbook

export class Application {
  readonly _entity = 'Application';
  constructor(readonly _ctx: SimRequestContext) {
    return guard(this, 'Application');
  }
  suspendApiCalculationUntilNextSync(): void {
    this._ctx._enqueue('Application.suspendApiCalculationUntilNextSync', () => {
      this._ctx._model.calculationSuspended = true;
    });
  }
  calculate(_type?: string): void {
    this._ctx._enqueue('Application.calculate', () => this._ctx._model.ensureCalculated());
  }
}

export class Workbook {
  readonly _entity = 'Workbook';
  readonly worksheets: WorksheetCollection;
  readonly names: NamedItemCollection;
  readonly tables: TableCollection;
  readonly settings: SettingCollection;
  readonly customXmlParts: CustomXmlPartCollection;
  constructor(readonly _ctx: SimRequestContext) {
    this.worksheets = new WorksheetCollection(_ctx);
    this.names = new NamedItemCollection(_ctx);
    this.tables = new TableCollection(_ctx, null);
    this.settings = new SettingCollection(_ctx);
    this.customXmlParts = new CustomXmlPartCollection(_ctx);
    return guard(this, 'Workbook');
  }
  get application(): Application {
    return this._ctx.application;
  }
  get context(): SimRequestContext {
    return this._ctx;
  }
}
