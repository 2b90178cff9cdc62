import { existsSync, readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { environmentSource } from "./environment";
import { ConfigurationError } from "./validation";

/**
 * The files the program reads besides stack config: the catalogs shared with the harness (repo root) and the
 * OpenAPI document (infra/openapi). Located from the infra folder, found by its Pulumi.yaml, so the compiled
 * program (bin/) and the tests resolve the same files whatever the working directory.
 */
export interface ProgramSources {
    readonly backends: unknown;
    readonly namedValues: unknown;
    /** policies/environments/<stack>.json: the stack's values of plain named values. */
    readonly environment: unknown;
    readonly openApiDocument: string;
}

/** Reads the shared files; `stack` names the environment file, which must exist (it may set no values). */
export function readProgramSources(stack: string): ProgramSources {
    const infraRoot = findInfraRoot(__dirname);
    const repoRoot = path.dirname(infraRoot);
    return {
        backends: readJson(repoRoot, "policies/backends.json"),
        namedValues: readJson(repoRoot, "policies/named-values.json"),
        environment: readEnvironment(repoRoot, stack),
        openApiDocument: readText(infraRoot, "openapi/azure-openai-inference.json"),
    };
}

function findInfraRoot(start: string): string {
    for (let dir = start; ; dir = path.dirname(dir)) {
        if (existsSync(path.join(dir, "Pulumi.yaml"))) {
            return dir;
        }
        if (path.dirname(dir) === dir) {
            throw new Error(`no Pulumi.yaml above ${start}`);
        }
    }
}

/** The stack's environment file; a stack without one is told which environments exist rather than just ENOENT. */
function readEnvironment(repoRoot: string, stack: string): unknown {
    const source = environmentSource(stack);
    if (!existsSync(path.join(repoRoot, source))) {
        const directory = path.dirname(source);
        const defined = existsSync(path.join(repoRoot, directory))
            ? readdirSync(path.join(repoRoot, directory)).filter((file) => file.endsWith(".json")).map((file) => file.slice(0, -".json".length))
            : [];
        throw new ConfigurationError([
            `${source}: stack '${stack}' has no environment file; the environments are: ${defined.sort().join(", ") || "(none)"} ` +
                `(a stack is deployed with the environment of the same name; it may set no values: { "namedValues": {} })`,
        ]);
    }
    return readJson(repoRoot, source);
}

function readJson(root: string, relativePath: string): unknown {
    return JSON.parse(readText(root, relativePath));
}

/** Reads a JSON file as text, failing with a ConfigurationError if it is missing or not JSON. */
function readText(root: string, relativePath: string): string {
    try {
        const text = readFileSync(path.join(root, relativePath), "utf8");
        JSON.parse(text);
        return text;
    } catch (error: unknown) {
        throw new ConfigurationError([`${relativePath}: ${error instanceof Error ? error.message : String(error)}`]);
    }
}
