import { Problems, Reader, isoDuration } from "./validation";

export interface StatusCodeRange {
    readonly min: number;
    readonly max: number;
}

export interface FailureCondition {
    readonly count: number | undefined;
    readonly percentage: number | undefined;
    readonly interval: string;
    readonly statusCodeRanges: readonly StatusCodeRange[] | undefined;
    readonly errorReasons: readonly string[] | undefined;
}

export interface CircuitBreakerRule {
    readonly name: string;
    readonly failureCondition: FailureCondition;
    readonly tripDuration: string;
    readonly acceptRetryAfter: boolean;
}

export interface SingleBackend {
    readonly type: "Single";
    readonly name: string;
    readonly description: string | undefined;
    /** The url as written, with its `${account:<region>}` token. */
    readonly urlTemplate: string;
    /** The region whose Azure OpenAI account the url points at. */
    readonly region: string;
    readonly protocol: "http";
    readonly circuitBreakerRules: readonly CircuitBreakerRule[];
}

export interface PoolService {
    /** As written in the catalog: `/backends/<name>`. */
    readonly id: string;
    readonly backend: string;
    readonly priority: number;
    readonly weight: number;
}

export interface PoolBackend {
    readonly type: "Pool";
    readonly name: string;
    readonly description: string | undefined;
    readonly services: readonly PoolService[];
}

export type BackendDefinition = SingleBackend | PoolBackend;

export interface BackendCatalog {
    readonly backends: readonly BackendDefinition[];
}

/** `${account:eastus}` stands for the custom subdomain of the Azure OpenAI account deployed in eastus. */
const accountTokenPattern = /\$\{account:([^}]*)\}/g;
const regionPattern = /^[a-z][a-z0-9]*$/;
const backendNameRule = {
    pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/,
    describe: "a backend id of 1-80 letters, digits, '.', '_' or '-'",
};
const poolMemberRule = { pattern: /^\/backends\/[^/]+$/, describe: "of the form /backends/<backend name>" };

// Only what the program deploys may appear, so the harness never emulates a setting Azure would not get.
const singleProperties = ["description", "type", "url", "protocol", "circuitBreaker"];
const poolProperties = ["description", "type", "pool"];

export function parseBackendCatalog(document: unknown, source: string, problems: Problems): BackendCatalog {
    const read = new Reader(problems);
    const backends = read.catalogEntries(document, source, "backends").map(({ entry, path }) => parseBackend(entry, path, read, problems));
    read.unique(
        backends.map((backend) => backend.name),
        `${source}: backends`,
        "backend name",
    );
    checkPoolMembers(backends, source, problems);
    return { backends };
}

/** Replaces the account token of a regional backend url with that region's account subdomain. */
export function resolveBackendUrl(backend: SingleBackend, accountSubdomain: string): string {
    return backend.urlTemplate.replace(accountTokenPattern, accountSubdomain);
}

function parseBackend(value: unknown, path: string, read: Reader, problems: Problems): BackendDefinition {
    const entry = read.record(value, path) ?? {};
    read.knownKeys(entry, path, ["name", "properties"]);
    const name = read.string(entry["name"], `${path}.name`, backendNameRule) ?? "";
    const properties = read.record(entry["properties"], `${path}.properties`) ?? {};
    const type = read.oneOf(properties["type"], `${path}.properties.type`, ["Single", "Pool"] as const);
    const description = read.optionalString(properties["description"], `${path}.properties.description`);
    if (type === "Pool") {
        read.knownKeys(properties, `${path}.properties (Pool)`, poolProperties);
        return { type, name, description, services: parsePool(properties["pool"], `${path}.properties.pool`, read) };
    }
    read.knownKeys(properties, `${path}.properties (Single)`, singleProperties);
    const urlTemplate = read.string(properties["url"], `${path}.properties.url`) ?? "";
    return {
        type: "Single",
        name,
        description,
        urlTemplate,
        region: regionOf(urlTemplate, `${path}.properties.url`, problems),
        protocol: read.oneOf(properties["protocol"], `${path}.properties.protocol`, ["http"] as const) ?? "http",
        circuitBreakerRules: parseCircuitBreaker(properties["circuitBreaker"], `${path}.properties.circuitBreaker`, read, problems),
    };
}

function regionOf(urlTemplate: string, path: string, problems: Problems): string {
    const regions = [...urlTemplate.matchAll(accountTokenPattern)].map((match) => match[1] ?? "");
    const [region] = regions;
    if (regions.length !== 1 || region === undefined || !regionPattern.test(region)) {
        problems.add(path, `'${urlTemplate}' must contain exactly one \${account:<region>} token naming an Azure location`);
        return "";
    }
    if (!urlTemplate.startsWith("https://")) {
        problems.add(path, `'${urlTemplate}' must be an https url`);
    }
    return region;
}

function parseCircuitBreaker(value: unknown, path: string, read: Reader, problems: Problems): CircuitBreakerRule[] {
    if (value === undefined) {
        problems.add(path, "is required: a regional backend must stop receiving traffic while it throttles or fails");
        return [];
    }
    const breaker = read.record(value, path) ?? {};
    read.knownKeys(breaker, path, ["rules"]);
    const rules = read.array(breaker["rules"], `${path}.rules`, true) ?? [];
    // Learn, "Backends in API Management": only one rule can be configured for a backend circuit breaker.
    if (rules.length > 1) {
        problems.add(`${path}.rules`, `APIM accepts one circuit breaker rule per backend, found ${rules.length}`);
    }
    return rules.map((rule, index) => parseRule(rule, `${path}.rules[${index}]`, read, problems));
}

function parseRule(value: unknown, path: string, read: Reader, problems: Problems): CircuitBreakerRule {
    const rule = read.record(value, path) ?? {};
    read.knownKeys(rule, path, ["name", "failureCondition", "tripDuration", "acceptRetryAfter"]);
    return {
        name: read.string(rule["name"], `${path}.name`) ?? "",
        failureCondition: parseFailureCondition(rule["failureCondition"], `${path}.failureCondition`, read, problems),
        tripDuration: read.string(rule["tripDuration"], `${path}.tripDuration`, isoDuration) ?? "",
        acceptRetryAfter: read.boolean(rule["acceptRetryAfter"], `${path}.acceptRetryAfter`, false),
    };
}

function parseFailureCondition(value: unknown, path: string, read: Reader, problems: Problems): FailureCondition {
    const condition = read.record(value, path) ?? {};
    read.knownKeys(condition, path, ["count", "percentage", "interval", "statusCodeRanges", "errorReasons"]);
    if ((condition["count"] === undefined) === (condition["percentage"] === undefined)) {
        problems.add(path, "needs exactly one of count or percentage");
    }
    if (condition["statusCodeRanges"] === undefined && condition["errorReasons"] === undefined) {
        problems.add(path, "needs statusCodeRanges or errorReasons to say what counts as a failure");
    }
    const statusCodeRanges =
        condition["statusCodeRanges"] === undefined
            ? undefined
            : (read.array(condition["statusCodeRanges"], `${path}.statusCodeRanges`, true) ?? []).map((range, index) =>
                  parseStatusCodeRange(range, `${path}.statusCodeRanges[${index}]`, read, problems),
              );
    const errorReasons =
        condition["errorReasons"] === undefined
            ? undefined
            : (read.array(condition["errorReasons"], `${path}.errorReasons`, true) ?? []).map(
                  (reason, index) => read.string(reason, `${path}.errorReasons[${index}]`) ?? "",
              );
    return {
        count: read.optionalInteger(condition["count"], `${path}.count`, 1, Number.MAX_SAFE_INTEGER),
        percentage: read.optionalInteger(condition["percentage"], `${path}.percentage`, 1, 100),
        interval: read.string(condition["interval"], `${path}.interval`, isoDuration) ?? "",
        statusCodeRanges,
        errorReasons,
    };
}

function parseStatusCodeRange(value: unknown, path: string, read: Reader, problems: Problems): StatusCodeRange {
    const range = read.record(value, path) ?? {};
    read.knownKeys(range, path, ["min", "max"]);
    const min = read.integer(range["min"], `${path}.min`, 200, 599) ?? 0;
    const max = read.integer(range["max"], `${path}.max`, 200, 599) ?? 0;
    if (min > max) {
        problems.add(path, `min ${min} is greater than max ${max}`);
    }
    return { min, max };
}

function parsePool(value: unknown, path: string, read: Reader): PoolService[] {
    const pool = read.record(value, path) ?? {};
    read.knownKeys(pool, path, ["services"]);
    const services = (read.array(pool["services"], `${path}.services`, true) ?? []).map((item, index) => {
        const servicePath = `${path}.services[${index}]`;
        const service = read.record(item, servicePath) ?? {};
        read.knownKeys(service, servicePath, ["id", "priority", "weight"]);
        const id = read.string(service["id"], `${servicePath}.id`, poolMemberRule) ?? "";
        return {
            id,
            backend: id.slice("/backends/".length),
            // Lower numbers are tried first; weights split traffic within a priority (Learn: "Backends in API Management").
            priority: read.integer(service["priority"], `${servicePath}.priority`, 0, 100) ?? 0,
            weight: read.integer(service["weight"], `${servicePath}.weight`, 0, 100) ?? 0,
        };
    });
    read.unique(
        services.map((service) => service.backend),
        `${path}.services`,
        "pool member",
    );
    return services;
}

/** A pool may only hold single backends declared in the same catalog (pools cannot nest). */
function checkPoolMembers(backends: readonly BackendDefinition[], source: string, problems: Problems): void {
    const byName = new Map(backends.map((backend) => [backend.name, backend]));
    for (const backend of backends) {
        if (backend.type !== "Pool") {
            continue;
        }
        for (const service of backend.services) {
            const member = byName.get(service.backend);
            if (member === undefined) {
                problems.add(`${source}: ${backend.name}`, `pool member '${service.id}' is not a backend in this file`);
            } else if (member.type !== "Single") {
                problems.add(`${source}: ${backend.name}`, `pool member '${service.id}' is a pool; pools can only hold single backends`);
            }
        }
    }
}
