// Eleventy 3 ships no TypeScript types; this covers the programmatic API chatpost uses.
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: Record<string, unknown>);
    init(): Promise<void>;
    write(): Promise<unknown>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    setIncrementalBuild(on: boolean): void;
  }
  export const HtmlBasePlugin: unknown;
}
