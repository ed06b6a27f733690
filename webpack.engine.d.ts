/** Types of webpack.engine.js (plain JS, loaded by webpack.config.js and by tests). */
export declare const BUNDLE_ECMA_VERSION: number;
export declare function engineProblems(code: string): string[];
export declare class EngineCheckPlugin {
  apply(compiler: unknown): void;
}
