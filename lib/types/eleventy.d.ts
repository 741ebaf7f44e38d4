// Eleventy 3 ships no TypeScript types; this covers the programmatic API chatpost uses.
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: Record<string, unknown>);
    init(): Promise<void>;
    write(): Promise<unknown>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    setIncrementalBuild(on: boolean): void;
    /** Where Eleventy prints; its summary ("Wrote 23 files") is printed even in quiet mode. */
    logger: { overrideLogger(logger: Pick<Console, "log" | "info" | "warn" | "error"> | false): void };
  }
  export const HtmlBasePlugin: unknown;
}
