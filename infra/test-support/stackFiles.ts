import { readFileSync } from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";
import { RawStackConfig } from "../src/stackConfig";

export const project = "apim-ai-gateway";
/** infra/, seen from the compiled bin/test-support. */
export const infraRoot = path.resolve(__dirname, "..", "..");
export const repoRoot = path.dirname(infraRoot);
/** The value given to every Key Vault secret in the tests; it must only ever reach the Key Vault secret. */
export const secretValue = "s3cr3t-value-that-must-stay-in-key-vault";

export type StackName = "dev" | "prod";

/** The settings of a committed stack file, keyed without the project namespace. */
export function stackSettings(stack: StackName): Record<string, unknown> {
    const document = yaml.load(readFileSync(path.join(infraRoot, `Pulumi.${stack}.yaml`), "utf8")) as {
        config: Record<string, unknown>;
    };
    return Object.fromEntries(Object.entries(document.config).map(([key, value]) => [key.slice(project.length + 1), value]));
}

/** A stack's settings as the program's validator receives them, deep-copied so a test can alter them. */
export function rawStack(stack: StackName): RawStackConfig {
    return structuredClone(stackSettings(stack));
}

/** Stack config as Pulumi hands it to a program (`project:key` to text, objects as JSON), with the secrets set. */
export function pulumiConfig(settings: Record<string, unknown>): Record<string, string> {
    const config = Object.fromEntries(
        Object.entries(settings).map(([key, value]) => [`${project}:${key}`, typeof value === "string" ? value : JSON.stringify(value)]),
    );
    return { ...config, [`${project}:secret-payg-fallback-api-key`]: secretValue };
}

export function readRepoJson(relativePath: string): unknown {
    return JSON.parse(readFileSync(path.join(repoRoot, relativePath), "utf8"));
}
