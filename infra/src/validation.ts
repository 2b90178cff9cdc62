/**
 * Thrown before any resource is declared when the stack configuration or the shared catalogs are wrong.
 * It lists every problem at once so a single `pulumi preview` shows everything to fix.
 */
export class ConfigurationError extends Error {
    constructor(readonly problems: readonly string[]) {
        super(
            `Invalid gateway configuration (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` +
                problems.map((problem) => `  - ${problem}`).join("\n"),
        );
        this.name = "ConfigurationError";
    }
}

/** Collects problems as `path: message` lines; parsing goes on after a problem so all of them are reported. */
export class Problems {
    private readonly messages: string[] = [];

    add(path: string, message: string): void {
        this.messages.push(`${path}: ${message}`);
    }

    get count(): number {
        return this.messages.length;
    }

    throwIfAny(): void {
        if (this.messages.length > 0) {
            throw new ConfigurationError(this.messages);
        }
    }
}

export interface TextRule {
    readonly pattern: RegExp;
    readonly describe: string;
}

/** Typed reads of untrusted JSON/YAML values; each failed read records a problem and yields undefined. */
export class Reader {
    constructor(private readonly problems: Problems) {}

    record(value: unknown, path: string): Record<string, unknown> | undefined {
        if (typeof value === "object" && value !== null && !Array.isArray(value)) {
            return value as Record<string, unknown>;
        }
        this.problems.add(path, `must be an object, got ${describe(value)}`);
        return undefined;
    }

    array(value: unknown, path: string, nonEmpty: boolean): readonly unknown[] | undefined {
        if (!Array.isArray(value)) {
            this.problems.add(path, `must be a list, got ${describe(value)}`);
            return undefined;
        }
        if (nonEmpty && value.length === 0) {
            this.problems.add(path, "must not be empty");
            return undefined;
        }
        return value;
    }

    string(value: unknown, path: string, rule?: TextRule): string | undefined {
        if (typeof value !== "string" || value.length === 0) {
            this.problems.add(path, `must be a non-empty string, got ${describe(value)}`);
            return undefined;
        }
        if (rule !== undefined && !rule.pattern.test(value)) {
            this.problems.add(path, `'${value}' is not ${rule.describe}`);
            return undefined;
        }
        return value;
    }

    optionalString(value: unknown, path: string, rule?: TextRule): string | undefined {
        return value === undefined ? undefined : this.string(value, path, rule);
    }

    integer(value: unknown, path: string, min: number, max: number): number | undefined {
        if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
            const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in ${min}..${max}`;
            this.problems.add(path, `must be an integer ${range}, got ${describe(value)}`);
            return undefined;
        }
        return value;
    }

    optionalInteger(value: unknown, path: string, min: number, max: number): number | undefined {
        return value === undefined ? undefined : this.integer(value, path, min, max);
    }

    boolean(value: unknown, path: string, fallback: boolean): boolean {
        if (value === undefined) {
            return fallback;
        }
        if (typeof value !== "boolean") {
            this.problems.add(path, `must be true or false, got ${describe(value)}`);
            return fallback;
        }
        return value;
    }

    oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | undefined {
        if (typeof value === "string" && (allowed as readonly string[]).includes(value)) {
            return value as T;
        }
        this.problems.add(path, `unknown value ${describe(value)}; expected one of ${allowed.join(", ")}`);
        return undefined;
    }

    /**
     * The entries of a shared catalog file: `{ "$comment"?, "<listName>": [ ... ] }`, each paired with the path
     * problems about it are reported under.
     */
    catalogEntries(document: unknown, source: string, listName: string): { entry: unknown; path: string }[] {
        const root = this.record(document, source) ?? {};
        this.knownKeys(root, source, ["$comment", listName]);
        const entries = this.array(root[listName], `${source}: ${listName}`, true) ?? [];
        return entries.map((entry, index) => ({ entry, path: `${source}: ${listName}[${index}]` }));
    }

    /** Records a problem for every value that occurs more than once. */
    unique(values: readonly string[], path: string, what: string): void {
        const seen = new Set<string>();
        for (const value of values) {
            if (seen.has(value)) {
                this.problems.add(path, `duplicate ${what} '${value}'`);
            }
            seen.add(value);
        }
    }

    /** Records a problem for every key of `value` outside `known`, so a misspelt setting is not silently ignored. */
    knownKeys(value: Record<string, unknown>, path: string, known: readonly string[]): void {
        for (const key of Object.keys(value)) {
            if (!known.includes(key)) {
                this.problems.add(path, `unknown setting '${key}'; expected ${known.join(", ")}`);
            }
        }
    }
}

function describe(value: unknown): string {
    if (value === undefined) {
        return "nothing";
    }
    return JSON.stringify(value) ?? String(value);
}

/** ISO 8601 durations as APIM accepts them for intervals and trip durations (e.g. PT1M, P1D). */
export const isoDuration: TextRule = {
    pattern: /^P(?=\d|T\d)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/,
    describe: "an ISO 8601 duration such as PT1M",
};
