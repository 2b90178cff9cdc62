import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { ConfigurationError } from "./validation";

/**
 * The files the program reads besides stack config: the catalogs shared with the harness (repo root) and the
 * OpenAPI document (infra/openapi). Located from the infra folder, found by its Pulumi.yaml, so the compiled
 * program (bin/) and the tests resolve the same files whatever the working directory.
 */
export interface ProgramSources {
    readonly backends: unknown;
    readonly namedValues: unknown;
    readonly openApiDocument: string;
}

export function readProgramSources(): ProgramSources {
    const infraRoot = findInfraRoot(__dirname);
    const repoRoot = path.dirname(infraRoot);
    return {
        backends: readJson(repoRoot, "policies/backends.json"),
        namedValues: readJson(repoRoot, "policies/named-values.json"),
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
