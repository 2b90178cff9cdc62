import * as pulumi from "@pulumi/pulumi";
import { secretConfigKey } from "./config";
import { RawStackConfig } from "./stackConfig";

const secretPrefix = secretConfigKey("");

export interface StackSettings {
    readonly raw: RawStackConfig;
    /** Key Vault secret names the stack holds a value for; the values themselves are not read here. */
    readonly providedSecrets: readonly string[];
}

/**
 * Reads this project's stack config as untyped values. Settings outside the known ones are passed on too,
 * so a misspelt key is reported instead of silently ignored.
 */
export function readStackSettings(): StackSettings {
    const config = new pulumi.Config();
    const raw: Record<string, unknown> = {};
    const providedSecrets: string[] = [];
    for (const key of projectKeys()) {
        if (key.startsWith(secretPrefix)) {
            providedSecrets.push(key.slice(secretPrefix.length));
        } else if (key === "namePrefix" || key === "location") {
            raw[key] = config.get(key);
        } else {
            raw[key] = readObject(config, key);
        }
    }
    return { raw, providedSecrets };
}

/** The value of a Key Vault secret, kept secret. */
export function readSecret(keyVaultSecretName: string): pulumi.Output<string> {
    return new pulumi.Config().requireSecret(secretConfigKey(keyVaultSecretName));
}

function projectKeys(): string[] {
    const namespace = `${pulumi.getProject()}:`;
    return Object.keys(pulumi.runtime.allConfig())
        .filter((key) => key.startsWith(namespace))
        .map((key) => key.slice(namespace.length));
}

function readObject(config: pulumi.Config, key: string): unknown {
    try {
        return config.getObject<unknown>(key);
    } catch {
        return config.get(key);
    }
}
