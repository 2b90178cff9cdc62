import { Problems, Reader } from "./validation";

export interface PlainNamedValue {
    readonly secret: false;
    readonly name: string;
    readonly value: string;
}

export interface KeyVaultNamedValue {
    readonly secret: true;
    readonly name: string;
    /** Name of the Key Vault secret; the vault holds the value, APIM reads it with its managed identity. */
    readonly keyVaultSecretName: string;
}

export type NamedValueDefinition = PlainNamedValue | KeyVaultNamedValue;

export interface NamedValueCatalog {
    readonly namedValues: readonly NamedValueDefinition[];
}

// Learn REST "Named Value - Create Or Update": displayName matches ^[A-Za-z0-9-._]+$, at most 256 characters;
// the program uses the name as both the resource id and the display name that policies write as {{name}}.
const namedValueNameRule = {
    pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/,
    describe: "1-80 letters, digits, '.', '_' or '-' starting with a letter or digit",
};
const keyVaultSecretNameRule = { pattern: /^[0-9A-Za-z-]{1,127}$/, describe: "a Key Vault secret name (letters, digits, '-')" };
const maxValueLength = 4096;

export function parseNamedValueCatalog(document: unknown, source: string, problems: Problems): NamedValueCatalog {
    const read = new Reader(problems);
    const namedValues = read
        .catalogEntries(document, source, "namedValues")
        .map(({ entry, path }) => parseNamedValue(entry, path, read, problems));
    read.unique(
        namedValues.map((namedValue) => namedValue.name),
        `${source}: namedValues`,
        "named value",
    );
    read.unique(
        namedValues.flatMap((namedValue) => (namedValue.secret ? [namedValue.keyVaultSecretName] : [])),
        `${source}: namedValues`,
        "Key Vault secret",
    );
    return { namedValues };
}

function parseNamedValue(value: unknown, path: string, read: Reader, problems: Problems): NamedValueDefinition {
    const entry = read.record(value, path) ?? {};
    const name = read.string(entry["name"], `${path}.name`, namedValueNameRule) ?? "";
    if (entry["secret"] !== true && entry["secret"] !== false) {
        problems.add(`${path}.secret`, "must be true (Key Vault reference) or false (plain value)");
    }
    if (entry["secret"] === true) {
        read.knownKeys(entry, `${path} (secret)`, ["name", "secret", "keyVaultSecretName"]);
        return {
            secret: true,
            name,
            keyVaultSecretName: read.string(entry["keyVaultSecretName"], `${path}.keyVaultSecretName`, keyVaultSecretNameRule) ?? "",
        };
    }
    read.knownKeys(entry, `${path} (plain)`, ["name", "secret", "value"]);
    return { secret: false, name, value: readPlainValue(entry["value"], `${path}.value`, read, problems) };
}

/** Checks a plain value from the catalog or from a stack override. */
export function readPlainValue(value: unknown, path: string, read: Reader, problems: Problems): string {
    const text = read.string(value, path) ?? "";
    if (text.length > maxValueLength) {
        problems.add(path, `is ${text.length} characters; APIM allows at most ${maxValueLength}`);
    }
    return text;
}
