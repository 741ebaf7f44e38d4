// Minimal typings for the parts of citation-js 0.8 that chatpost uses.
declare module "@citation-js/core" {
  export const plugins: {
    config: { get(name: string): any };
    input: { add(...args: any[]): void };
    output: { format(name: string, data: unknown, ...options: unknown[]): any };
  };
  export class Cite {
    constructor(data?: unknown, options?: unknown);
    static async(data: unknown, options?: unknown): Promise<Cite>;
    data: any[];
    format(name: string, ...options: unknown[]): any;
  }
  export const util: any;
}
declare module "@citation-js/plugin-csl";
declare module "@citation-js/plugin-bibtex";
