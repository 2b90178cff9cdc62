import { Problems, Reader } from "./validation";

/** Where the harness and this program find an environment's named values: one file per stack, named after it. */
export function environmentSource(stack: string): string {
    return `policies/environments/${stack}.json`;
}

/** An environment file: `{ "$comment"?: string, "namedValues": { "<name>": "<plain value>" } }`. */
export interface EnvironmentFile {
    /** Values of plain named values of the catalog, by name; checked against the catalog by loadGatewayConfig. */
    readonly namedValues: Readonly<Record<string, string>>;
}

/**
 * Checks the shape of an environment file. Duplicate keys cannot be seen after JSON.parse (the last one wins);
 * the harness reads the same files and reports them (AGW2006), as its tests do for every committed environment.
 */
export function parseEnvironmentFile(document: unknown, source: string, problems: Problems): EnvironmentFile {
    const read = new Reader(problems);
    const root = read.record(document, source) ?? {};
    read.knownKeys(root, source, ["$comment", "namedValues"]);
    const entries = read.record(root["namedValues"], `${source}: namedValues`) ?? {};
    const namedValues: Record<string, string> = {};
    for (const [name, value] of Object.entries(entries)) {
        const text = read.string(value, `${source}: namedValues.${name}`);
        if (text !== undefined) {
            namedValues[name] = text;
        }
    }
    return { namedValues };
}
