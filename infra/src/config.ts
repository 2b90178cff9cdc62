import { BackendCatalog, parseBackendCatalog } from "./backendCatalog";
import { EnvironmentFile, environmentSource, parseEnvironmentFile } from "./environment";
import { NamedValueCatalog, NamedValueDefinition, parseNamedValueCatalog, readPlainValue } from "./namedValueCatalog";
import { RawStackConfig, StackConfig, parseStackConfig } from "./stackConfig";
import { Problems, Reader } from "./validation";

export const backendsSource = "policies/backends.json";
export const namedValuesSource = "policies/named-values.json";

/** Stack config key holding the value of a Key Vault secret, e.g. `secret-payg-fallback-api-key`. */
export function secretConfigKey(keyVaultSecretName: string): string {
    return `secret-${keyVaultSecretName}`;
}

export interface GatewayConfigInput {
    readonly stack: RawStackConfig;
    /** Parsed content of policies/backends.json. */
    readonly backends: unknown;
    /** Parsed content of policies/named-values.json. */
    readonly namedValues: unknown;
    /** The stack's environment: its name (the stack's) and the parsed content of policies/environments/<name>.json. */
    readonly environment: { readonly name: string; readonly document: unknown };
    /** Key Vault secret names whose value the stack holds as a secret config value. */
    readonly providedSecrets: readonly string[];
}

export interface GatewayConfig {
    readonly stack: StackConfig;
    readonly backends: BackendCatalog;
    /** The catalog with the environment's values of plain named values applied. */
    readonly namedValues: readonly NamedValueDefinition[];
}

/**
 * Validates the stack settings against the shared catalogs and returns the configuration the program deploys.
 * Throws a ConfigurationError listing every problem; nothing is declared before this succeeds.
 */
export function loadGatewayConfig(input: GatewayConfigInput): GatewayConfig {
    const problems = new Problems();
    const stack = parseStackConfig(input.stack, problems);
    const backends = parseBackendCatalog(input.backends, backendsSource, problems);
    const namedValueCatalog = parseNamedValueCatalog(input.namedValues, namedValuesSource, problems);
    const source = environmentSource(input.environment.name);
    const environment = parseEnvironmentFile(input.environment.document, source, problems);
    checkRegionsMatchBackends(stack, backends, problems);
    checkPoolsServeSameDeployments(stack, backends, problems);
    checkSubscriptionProducts(stack, problems);
    const namedValues = applyEnvironment(namedValueCatalog, environment, source, problems);
    checkSecretsProvided(namedValueCatalog, input.providedSecrets, problems);
    problems.throwIfAny();
    return { stack, backends, namedValues };
}

function checkRegionsMatchBackends(stack: StackConfig, catalog: BackendCatalog, problems: Problems): void {
    const configured = new Set(stack.regions.map((region) => region.location));
    const referenced = new Set<string>();
    for (const backend of catalog.backends) {
        if (backend.type !== "Single" || backend.region === "") {
            continue;
        }
        referenced.add(backend.region);
        if (stack.regions.length > 0 && !configured.has(backend.region)) {
            problems.add(
                `${backendsSource}: ${backend.name}`,
                `points at region '${backend.region}', which the stack's regions do not deploy (configured: ${[...configured].join(", ")})`,
            );
        }
    }
    for (const region of configured) {
        if (region !== "" && !referenced.has(region)) {
            problems.add(`regions.${region}`, `no backend in ${backendsSource} points at this region, so no request could reach it`);
        }
    }
}

/** A pool may send any request to any member, so every member region must serve the same deployment names. */
function checkPoolsServeSameDeployments(stack: StackConfig, catalog: BackendCatalog, problems: Problems): void {
    const regionOfBackend = new Map(
        catalog.backends.flatMap((backend) => (backend.type === "Single" ? [[backend.name, backend.region] as const] : [])),
    );
    const deploymentsOfRegion = new Map(
        stack.regions.map((region) => [region.location, region.models.map((model) => model.deployment).sort().join(", ")]),
    );
    for (const backend of catalog.backends) {
        if (backend.type !== "Pool") {
            continue;
        }
        const variants = new Map<string, string[]>();
        for (const service of backend.services) {
            const deployments = deploymentsOfRegion.get(regionOfBackend.get(service.backend) ?? "");
            if (deployments !== undefined) {
                variants.set(deployments, [...(variants.get(deployments) ?? []), service.backend]);
            }
        }
        if (variants.size > 1) {
            const detail = [...variants].map(([deployments, members]) => `${members.join(", ")}: [${deployments}]`).join("; ");
            problems.add(`${backendsSource}: ${backend.name}`, `pool members serve different deployments (${detail})`);
        }
    }
}

function checkSubscriptionProducts(stack: StackConfig, problems: Problems): void {
    const products = new Set(stack.products.map((product) => product.id));
    stack.subscriptions.forEach((subscription, index) => {
        if (subscription.product !== "" && !products.has(subscription.product)) {
            problems.add(`subscriptions[${index}].product`, `unknown product '${subscription.product}'`);
        }
    });
}

/** Lays the environment's values over the catalog's plain named values; secrets are never set there. */
function applyEnvironment(
    catalog: NamedValueCatalog,
    environment: EnvironmentFile,
    source: string,
    problems: Problems,
): NamedValueDefinition[] {
    const byName = new Map(catalog.namedValues.map((namedValue) => [namedValue.name, namedValue]));
    for (const name of Object.keys(environment.namedValues)) {
        const target = byName.get(name);
        if (target === undefined) {
            problems.add(`${source}: namedValues.${name}`, `is not a named value in ${namedValuesSource}`);
        } else if (target.secret) {
            problems.add(
                `${source}: namedValues.${name}`,
                `is a Key Vault secret; an environment may not give it a value: set it with 'pulumi config set --secret ${secretConfigKey(target.keyVaultSecretName)}'`,
            );
        }
    }
    const read = new Reader(problems);
    return catalog.namedValues.map((namedValue) => {
        const value = environment.namedValues[namedValue.name];
        return namedValue.secret || value === undefined
            ? namedValue
            : { ...namedValue, value: readPlainValue(value, `${source}: namedValues.${namedValue.name}`, read, problems) };
    });
}

function checkSecretsProvided(catalog: NamedValueCatalog, providedSecrets: readonly string[], problems: Problems): void {
    for (const namedValue of catalog.namedValues) {
        if (namedValue.secret && namedValue.keyVaultSecretName !== "" && !providedSecrets.includes(namedValue.keyVaultSecretName)) {
            problems.add(
                secretConfigKey(namedValue.keyVaultSecretName),
                `missing; named value '${namedValue.name}' reads Key Vault secret '${namedValue.keyVaultSecretName}' — ` +
                    `set it with 'pulumi config set --secret ${secretConfigKey(namedValue.keyVaultSecretName)} <value>'`,
            );
        }
    }
}
