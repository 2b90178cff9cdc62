import { Problems, Reader } from "./validation";

/**
 * APIM tiers this gateway can run on with the 2024-05-01 API: the token-limit policy is documented for
 * Developer, Basic, Basic v2, Standard, Standard v2 and Premium (Learn: "Limit Azure OpenAI API token usage"),
 * and backend circuit breakers are not supported on Consumption (Learn: "Backends in API Management").
 * PremiumV2 needs API version 2025-03-01-preview, which @pulumi/azure-native 3.x does not ship.
 */
export const apimSkus = ["BasicV2", "StandardV2", "Developer", "Basic", "Standard", "Premium"] as const;
export type ApimSku = (typeof apimSkus)[number];
export const defaultApimSku: ApimSku = "BasicV2";

/** Scale units each tier allows per region (Learn: "Upgrade and scale an Azure API Management instance"). */
const maxApimUnits: Readonly<Record<ApimSku, number>> = {
    BasicV2: 10,
    StandardV2: 10,
    Developer: 1,
    Basic: 2,
    Standard: 4,
    Premium: 12,
};

/** Deployment types of Azure OpenAI model deployments (`sku.name` of accounts/deployments). */
export const deploymentSkus = [
    "Standard",
    "GlobalStandard",
    "DataZoneStandard",
    "ProvisionedManaged",
    "GlobalProvisionedManaged",
    "DataZoneProvisionedManaged",
] as const;
export type DeploymentSku = (typeof deploymentSkus)[number];

export interface ModelDeploymentConfig {
    /** Deployment name, the `{deployment-id}` segment of the inference API paths. */
    readonly deployment: string;
    readonly model: string;
    readonly version: string;
    readonly sku: DeploymentSku;
    /** Thousands of tokens per minute (Standard types) or provisioned throughput units. */
    readonly capacity: number;
}

export interface RegionConfig {
    /** Azure location; also the key that `${account:<region>}` tokens in policies/backends.json refer to. */
    readonly location: string;
    readonly models: readonly ModelDeploymentConfig[];
}

export interface ApimConfig {
    readonly sku: ApimSku;
    readonly capacity: number;
    readonly publisherEmail: string;
    readonly publisherName: string;
}

export interface ProductConfig {
    readonly id: string;
    readonly displayName: string;
    readonly description: string;
    readonly approvalRequired: boolean;
    readonly subscriptionsLimit: number | undefined;
}

export interface SubscriptionConfig {
    readonly id: string;
    readonly displayName: string;
    readonly product: string;
}

export interface StackConfig {
    readonly namePrefix: string;
    readonly location: string;
    readonly apim: ApimConfig;
    readonly regions: readonly RegionConfig[];
    readonly products: readonly ProductConfig[];
    readonly subscriptions: readonly SubscriptionConfig[];
}

/** Stack settings as read from Pulumi config, before any checking. */
export interface RawStackConfig {
    readonly namePrefix?: unknown;
    readonly location?: unknown;
    readonly apim?: unknown;
    readonly regions?: unknown;
    readonly products?: unknown;
    readonly subscriptions?: unknown;
}

export const stackSettingNames = [
    "namePrefix",
    "location",
    "apim",
    "regions",
    "products",
    "subscriptions",
] as const satisfies readonly (keyof RawStackConfig)[];

/**
 * The stack setting that held named values before they moved to policies/environments/<stack>.json, so that the
 * harness, the CLI and this program read one file. Named on its own so a stale stack file is told where they went.
 */
const movedNamedValuesSetting = "namedValues";

// Key Vault names are at most 24 characters and the vault is named `<prefix>-kv`.
const namePrefixRule = {
    pattern: /^[a-z][a-z0-9-]{0,18}[a-z0-9]$/,
    describe: "2-20 lowercase letters, digits or hyphens, starting with a letter and ending with a letter or digit",
};
const locationRule = { pattern: /^[a-z][a-z0-9]*$/, describe: "an Azure location name such as eastus" };
const identifierRule = {
    pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/,
    describe: "1-80 letters, digits, '.', '_' or '-' starting with a letter or digit",
};
const emailRule = { pattern: /^[^@\s]+@[^@\s]+\.[^@\s]+$/, describe: "an e-mail address" };
const maxCapacity = 100_000;

/** Checks the stack settings; problems go to `problems`, the result is complete only when none were found. */
export function parseStackConfig(raw: RawStackConfig, problems: Problems): StackConfig {
    const read = new Reader(problems);
    const { [movedNamedValuesSetting]: moved, ...settings } = raw as Record<string, unknown>;
    read.knownKeys(settings, "stack config", stackSettingNames);
    if (moved !== undefined) {
        problems.add(
            movedNamedValuesSetting,
            "named values are no longer stack settings: set plain values in policies/environments/<stack>.json (docs/named-values.md)",
        );
    }
    return {
        namePrefix: read.string(raw.namePrefix, "namePrefix", namePrefixRule) ?? "",
        location: read.string(raw.location, "location", locationRule) ?? "",
        apim: parseApim(raw.apim, read),
        regions: parseRegions(raw.regions, read, problems),
        products: parseProducts(raw.products, read),
        subscriptions: parseSubscriptions(raw.subscriptions, read),
    };
}

function parseApim(value: unknown, read: Reader): ApimConfig {
    const apim = read.record(value, "apim") ?? {};
    read.knownKeys(apim, "apim", ["sku", "capacity", "publisherEmail", "publisherName"]);
    const sku = apim["sku"] === undefined ? defaultApimSku : (read.oneOf(apim["sku"], "apim.sku", apimSkus) ?? defaultApimSku);
    return {
        sku,
        capacity:
            apim["capacity"] === undefined ? 1 : (read.integer(apim["capacity"], `apim.capacity (${sku})`, 1, maxApimUnits[sku]) ?? 1),
        publisherEmail: read.string(apim["publisherEmail"], "apim.publisherEmail", emailRule) ?? "",
        publisherName: read.string(apim["publisherName"], "apim.publisherName") ?? "",
    };
}

function parseRegions(value: unknown, read: Reader, problems: Problems): RegionConfig[] {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) {
        problems.add("regions", "no Azure OpenAI regions configured; list at least one region with its model deployments");
        return [];
    }
    const items = read.array(value, "regions", true) ?? [];
    const regions = items.map((item, index) => parseRegion(item, `regions[${index}]`, read));
    read.unique(
        regions.map((region) => region.location),
        "regions",
        "region",
    );
    return regions;
}

function parseRegion(value: unknown, path: string, read: Reader): RegionConfig {
    const region = read.record(value, path) ?? {};
    read.knownKeys(region, path, ["location", "models"]);
    const models = (read.array(region["models"], `${path}.models`, true) ?? []).map((model, index) =>
        parseModel(model, `${path}.models[${index}]`, read),
    );
    read.unique(
        models.map((model) => model.deployment),
        `${path}.models`,
        "deployment",
    );
    return { location: read.string(region["location"], `${path}.location`, locationRule) ?? "", models };
}

function parseModel(value: unknown, path: string, read: Reader): ModelDeploymentConfig {
    const model = read.record(value, path) ?? {};
    read.knownKeys(model, path, ["deployment", "model", "version", "sku", "capacity"]);
    return {
        deployment: read.string(model["deployment"], `${path}.deployment`, identifierRule) ?? "",
        model: read.string(model["model"], `${path}.model`) ?? "",
        version: read.string(model["version"], `${path}.version`) ?? "",
        sku: read.oneOf(model["sku"], `${path}.sku`, deploymentSkus) ?? "Standard",
        capacity: read.integer(model["capacity"], `${path}.capacity`, 1, maxCapacity) ?? 0,
    };
}

function parseProducts(value: unknown, read: Reader): ProductConfig[] {
    const items = read.array(value, "products", true) ?? [];
    const products = items.map((item, index) => {
        const path = `products[${index}]`;
        const product = read.record(item, path) ?? {};
        read.knownKeys(product, path, ["id", "displayName", "description", "approvalRequired", "subscriptionsLimit"]);
        return {
            id: read.string(product["id"], `${path}.id`, identifierRule) ?? "",
            displayName: read.string(product["displayName"], `${path}.displayName`) ?? "",
            description: read.optionalString(product["description"], `${path}.description`) ?? "",
            approvalRequired: read.boolean(product["approvalRequired"], `${path}.approvalRequired`, false),
            subscriptionsLimit: read.optionalInteger(product["subscriptionsLimit"], `${path}.subscriptionsLimit`, 1, maxCapacity),
        };
    });
    read.unique(
        products.map((product) => product.id),
        "products",
        "product id",
    );
    return products;
}

function parseSubscriptions(value: unknown, read: Reader): SubscriptionConfig[] {
    if (value === undefined) {
        return [];
    }
    const items = read.array(value, "subscriptions", false) ?? [];
    const subscriptions = items.map((item, index) => {
        const path = `subscriptions[${index}]`;
        const subscription = read.record(item, path) ?? {};
        read.knownKeys(subscription, path, ["id", "displayName", "product"]);
        return {
            id: read.string(subscription["id"], `${path}.id`, identifierRule) ?? "",
            displayName: read.string(subscription["displayName"], `${path}.displayName`) ?? "",
            product: read.string(subscription["product"], `${path}.product`) ?? "",
        };
    });
    read.unique(
        subscriptions.map((subscription) => subscription.id),
        "subscriptions",
        "subscription id",
    );
    return subscriptions;
}
