export declare const ROOT: string;
export declare const CLI_BUNDLE: string;
export declare function newestInputTime(root?: string): number;
export declare function isBundleFresh(bundle?: string, root?: string): boolean;
export declare function buildCliBundle(bundle?: string, root?: string): Promise<string>;
