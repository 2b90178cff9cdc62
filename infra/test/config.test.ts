import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import { GatewayConfig, GatewayConfigInput, loadGatewayConfig } from "../src/config";
import { environmentSource } from "../src/environment";
import { ConfigurationError } from "../src/validation";
import { StackName, infraRoot, rawStack, readRepoJson, repoRoot } from "../test-support/stackFiles";

type Json = Record<string, any>;

interface EditableInput {
    stack: Json;
    backends: Json;
    namedValues: Json;
    environment: { name: string; document: Json };
    providedSecrets: string[];
}

function input(stack: StackName = "dev"): EditableInput {
    return {
        stack: rawStack(stack) as Json,
        backends: readRepoJson("policies/backends.json") as Json,
        namedValues: readRepoJson("policies/named-values.json") as Json,
        environment: { name: stack, document: readRepoJson(environmentSource(stack)) as Json },
        providedSecrets: ["payg-fallback-api-key"],
    };
}

/** The environment's named values of an editable input. */
function environmentValues(configInput: EditableInput): Json {
    return configInput.environment.document["namedValues"] as Json;
}

function problemsOf(configInput: GatewayConfigInput): readonly string[] {
    try {
        loadGatewayConfig(configInput);
    } catch (error: unknown) {
        assert.ok(error instanceof ConfigurationError, `expected a ConfigurationError, got ${String(error)}`);
        assert.match(error.message, /^Invalid gateway configuration \(\d+ problems?\):\n {2}- /);
        return error.problems;
    }
    assert.fail("the configuration was accepted");
}

function backend(configInput: Json, name: string): Json {
    const found = (configInput["backends"] as Json[]).find((entry) => entry["name"] === name);
    assert.ok(found, `no backend ${name}`);
    return found["properties"] as Json;
}

describe("committed stacks", () => {
    for (const stack of ["dev", "prod"] as const) {
        test(`${stack} validates against the shared catalogs`, () => {
            const config: GatewayConfig = loadGatewayConfig(input(stack));
            assert.deepEqual(
                config.stack.regions.map((region) => region.location),
                ["eastus", "swedencentral", "westus"],
            );
            assert.deepEqual(
                config.backends.backends.map((entry) => `${entry.type}:${entry.name}`),
                [
                    "Single:aoai-eastus", "Single:aoai-swedencentral", "Single:aoai-westus",
                    "Pool:aoai-pool", "Pool:aoai-pool-us", "Pool:aoai-pool-eu",
                ],
            );
        });
    }

    test("dev runs the default v2 tier; prod sets Standard v2 with two units", () => {
        assert.deepEqual(
            [loadGatewayConfig(input("dev")).stack.apim.sku, loadGatewayConfig(input("dev")).stack.apim.capacity],
            ["BasicV2", 1],
        );
        const prod = loadGatewayConfig(input("prod")).stack.apim;
        assert.deepEqual([prod.sku, prod.capacity], ["StandardV2", 2]);
    });

    test("the environment file of the stack's name replaces the catalog's plain values", () => {
        for (const stack of ["dev", "prod"] as const) {
            const config = loadGatewayConfig(input(stack));
            const environment = environmentValues(input(stack));
            assert.ok(Object.keys(environment).length > 0, `${environmentSource(stack)} sets no value`);
            for (const [name, value] of Object.entries(environment)) {
                const namedValue = config.namedValues.find((candidate) => candidate.name === name);
                assert.deepEqual(namedValue, { secret: false, name, value });
            }
        }
        const tenant = (stack: StackName) => loadGatewayConfig(input(stack)).namedValues.find((value) => value.name === "entra-tenant-id");
        assert.notDeepEqual(tenant("dev"), tenant("prod"));
    });

    test("stacks and environments pair up by name, and no stack sets named values of its own", () => {
        const stacks = readdirSync(infraRoot).flatMap((file) => /^Pulumi\.(.+)\.yaml$/.exec(file)?.[1] ?? []).sort();
        const environments = readdirSync(path.join(repoRoot, "policies/environments"))
            .flatMap((file) => /^(.+)\.json$/.exec(file)?.[1] ?? [])
            .sort();
        assert.deepEqual(stacks, ["dev", "prod"]);
        assert.deepEqual(environments, stacks);
        for (const stack of ["dev", "prod"] as const) {
            assert.equal((rawStack(stack) as Json)["namedValues"], undefined);
        }
    });
});

describe("products and their policies", () => {
    // The publish step deploys policies/products/<id>.xml onto product <id>: a policy without its product in a stack
    // would have nowhere to go, and a product without its policy would run without the tier's limits.
    const productsDirectory = path.join(repoRoot, "policies/products");
    const policies = existsSync(productsDirectory)
        ? readdirSync(productsDirectory).flatMap((file) => /^(.+)\.xml$/.exec(file)?.[1] ?? []).sort()
        : [];

    // The gateway's routing named values name deployments: model-routing sends an alias to its deployment and
    // request-hygiene lets only allowed-models through, so each must exist in every region a pool can pick.
    for (const stack of ["dev", "prod"] as const) {
        test(`${stack}: every deployment the routing named values name is deployed in every region`, () => {
            const config = loadGatewayConfig(input(stack));
            const plain = (name: string): string => {
                const found = config.namedValues.find((namedValue) => namedValue.name === name);
                assert.ok(found && !found.secret, `no plain named value ${name}`);
                return found.value;
            };
            const named = new Set([
                ...Object.values(JSON.parse(plain("model-aliases")) as Record<string, string>),
                ...plain("allowed-models").split(",").map((model) => model.trim()),
            ]);
            for (const region of config.stack.regions) {
                const deployed = region.models.map((model) => model.deployment);
                assert.deepEqual([...named].filter((deployment) => !deployed.includes(deployment)), [], `${stack} ${region.location}`);
            }
        });
    }

    test("every stack offers the three tiers", () => {
        for (const stack of ["dev", "prod"] as const) {
            const products = loadGatewayConfig(input(stack)).stack.products;
            assert.deepEqual(
                products.map((product) => [product.id, product.displayName]),
                [
                    ["ai-basic", "AI Basic"],
                    ["ai-standard", "AI Standard"],
                    ["ai-premium", "AI Premium"],
                ],
            );
        }
    });

    for (const stack of ["dev", "prod"] as const) {
        test(`${stack}: every product policy has its product and every product its policy`, () => {
            assert.notEqual(policies.length, 0, "policies/products/ holds no product policy");
            const products = loadGatewayConfig(input(stack)).stack.products.map((product) => product.id).sort();
            assert.deepEqual(products, policies);
        });
    }
});

describe("stack configuration errors", () => {
    test("no regions at all", () => {
        const configInput = input();
        delete configInput.stack["regions"];
        assert.deepEqual(problemsOf(configInput), [
            "regions: no Azure OpenAI regions configured; list at least one region with its model deployments",
        ]);
    });

    test("an empty region list is the same error, and nothing downstream is blamed on it", () => {
        const configInput = input();
        configInput.stack["regions"] = [];
        assert.deepEqual(problemsOf(configInput), [
            "regions: no Azure OpenAI regions configured; list at least one region with its model deployments",
        ]);
    });

    test("a model capacity of zero", () => {
        const configInput = input();
        configInput.stack["regions"][0].models[1].capacity = 0;
        assert.deepEqual(problemsOf(configInput), [
            "regions[0].models[1].capacity: must be an integer in 1..100000, got 0",
        ]);
    });

    test("an unknown APIM SKU, naming the tiers that are accepted", () => {
        const configInput = input();
        configInput.stack["apim"].sku = "PremiumV2";
        assert.deepEqual(problemsOf(configInput), [
            'apim.sku: unknown value "PremiumV2"; expected one of BasicV2, StandardV2, Developer, Basic, Standard, Premium',
        ]);
    });

    test("Consumption is refused: it has no backend circuit breaker", () => {
        const configInput = input();
        configInput.stack["apim"].sku = "Consumption";
        assert.match(problemsOf(configInput)[0] ?? "", /^apim\.sku: unknown value "Consumption"/);
    });

    test("more units than the tier allows", () => {
        const configInput = input();
        configInput.stack["apim"] = { ...configInput.stack["apim"], sku: "Developer", capacity: 2 };
        assert.deepEqual(problemsOf(configInput), ["apim.capacity (Developer): must be an integer in 1..1, got 2"]);
    });

    test("an unknown deployment type", () => {
        const configInput = input();
        configInput.stack["regions"][2].models[0].sku = "Premium";
        assert.match(problemsOf(configInput)[0] ?? "", /^regions\[2\]\.models\[0\]\.sku: unknown value "Premium"; expected one of Standard, GlobalStandard/);
    });

    test("a duplicate region", () => {
        const configInput = input();
        configInput.stack["regions"].push(structuredClone(configInput.stack["regions"][0]));
        assert.deepEqual(problemsOf(configInput), ["regions: duplicate region 'eastus'"]);
    });

    test("a duplicate deployment within a region", () => {
        const configInput = input();
        configInput.stack["regions"][0].models[2].deployment = "gpt-4o-mini";
        assert.ok(problemsOf(configInput).includes("regions[0].models: duplicate deployment 'gpt-4o-mini'"));
    });

    test("every problem is reported at once", () => {
        const configInput = input();
        configInput.stack["regions"][0].models[0].capacity = 0;
        configInput.stack["apim"].sku = "Gold";
        delete configInput.stack["apim"].publisherEmail;
        configInput.stack["namePrefix"] = "Agw_Dev";
        const problems = problemsOf(configInput);
        assert.equal(problems.length, 4);
        assert.deepEqual(
            problems.map((problem) => problem.slice(0, problem.indexOf(":"))),
            ["namePrefix", "apim.sku", "apim.publisherEmail", "regions[0].models[0].capacity"],
        );
    });

    test("a misspelt setting is reported, not ignored", () => {
        const configInput = input();
        configInput.stack["region"] = configInput.stack["regions"];
        assert.match(problemsOf(configInput)[0] ?? "", /^stack config: unknown setting 'region'; expected namePrefix, location, apim, regions/);
    });

    test("a subscription to an unknown product", () => {
        const configInput = input();
        configInput.stack["subscriptions"][0].product = "ai-gold";
        assert.deepEqual(problemsOf(configInput), ["subscriptions[0].product: unknown product 'ai-gold'"]);
    });
});

describe("cross-checks between the stack and the shared catalogs", () => {
    test("a backend pointing at a region the stack does not deploy", () => {
        const configInput = input();
        configInput.stack["regions"] = configInput.stack["regions"].slice(0, 2);
        assert.deepEqual(problemsOf(configInput), [
            "policies/backends.json: aoai-westus: points at region 'westus', which the stack's regions do not deploy (configured: eastus, swedencentral)",
        ]);
    });

    test("a region no backend points at", () => {
        const configInput = input();
        configInput.stack["regions"].push({ ...structuredClone(configInput.stack["regions"][0]), location: "francecentral" });
        assert.deepEqual(problemsOf(configInput), [
            "regions.francecentral: no backend in policies/backends.json points at this region, so no request could reach it",
        ]);
    });

    test("pool members that serve different deployments", () => {
        const configInput = input();
        configInput.stack["regions"][2].models.pop();
        assert.deepEqual(problemsOf(configInput), [
            "policies/backends.json: aoai-pool: pool members serve different deployments " +
                "(aoai-eastus, aoai-swedencentral: [gpt-4o, gpt-4o-mini, text-embedding-3-small]; aoai-westus: [gpt-4o, gpt-4o-mini])",
            "policies/backends.json: aoai-pool-us: pool members serve different deployments " +
                "(aoai-eastus: [gpt-4o, gpt-4o-mini, text-embedding-3-small]; aoai-westus: [gpt-4o, gpt-4o-mini])",
        ]);
    });

    test("a Key Vault secret the stack holds no value for", () => {
        const configInput = { ...input(), providedSecrets: [] };
        assert.deepEqual(problemsOf(configInput), [
            "secret-payg-fallback-api-key: missing; named value 'payg-fallback-api-key' reads Key Vault secret 'payg-fallback-api-key' — " +
                "set it with 'pulumi config set --secret secret-payg-fallback-api-key <value>'",
        ]);
    });

    test("an environment cannot give a secret named value a value, and the value is not echoed", () => {
        const configInput = input();
        environmentValues(configInput)["payg-fallback-api-key"] = "sk-in-clear-text";
        const problems = problemsOf(configInput);
        assert.deepEqual(problems, [
            "policies/environments/dev.json: namedValues.payg-fallback-api-key: is a Key Vault secret; an environment may not give it a value: " +
                "set it with 'pulumi config set --secret secret-payg-fallback-api-key'",
        ]);
        assert.ok(!problems.join("\n").includes("sk-in-clear-text"));
    });

    test("an environment value of a named value the catalog does not declare", () => {
        const configInput = input("prod");
        environmentValues(configInput)["tenant"] = "x";
        assert.deepEqual(problemsOf(configInput), [
            "policies/environments/prod.json: namedValues.tenant: is not a named value in policies/named-values.json",
        ]);
    });

    test("an environment file of the wrong shape: every problem, located in the file", () => {
        const configInput = input();
        configInput.environment.document = { namedValue: {}, namedValues: { "entra-tenant-id": 42, "openai-api-version": "x".repeat(4097) } };
        assert.deepEqual(problemsOf(configInput), [
            "policies/environments/dev.json: unknown setting 'namedValue'; expected $comment, namedValues",
            "policies/environments/dev.json: namedValues.entra-tenant-id: must be a non-empty string, got 42",
            "policies/environments/dev.json: namedValues.openai-api-version: is 4097 characters; APIM allows at most 4096",
        ]);
    });

    for (const [name, document] of [["a list", []], ["null", null], ["a string", "dev"]] as const) {
        test(`an environment file that is ${name}`, () => {
            const configInput = input();
            (configInput.environment as { document: unknown }).document = document;
            const problems = problemsOf(configInput);
            assert.match(problems[0] ?? "", /^policies\/environments\/dev\.json: must be an object, got /);
        });
    }

    test("the retired namedValues stack setting says where named values went", () => {
        const configInput = input();
        configInput.stack["namedValues"] = { "entra-tenant-id": "11111111-1111-1111-1111-111111111111" };
        assert.deepEqual(problemsOf(configInput), [
            "namedValues: named values are no longer stack settings: set plain values in policies/environments/<stack>.json (docs/named-values.md)",
        ]);
    });
});

describe("backend catalog errors", () => {
    test("pool priority and weight outside 0..100", () => {
        const configInput = input();
        const services = backend(configInput.backends, "aoai-pool")["pool"].services as Json[];
        services[0]!["priority"] = 101;
        services[1]!["weight"] = -1;
        assert.deepEqual(problemsOf(configInput), [
            "policies/backends.json: backends[3].properties.pool.services[0].priority: must be an integer in 0..100, got 101",
            "policies/backends.json: backends[3].properties.pool.services[1].weight: must be an integer in 0..100, got -1",
        ]);
    });

    test("a pool member that is not in the file, and a pool inside a pool", () => {
        const configInput = input();
        const services = backend(configInput.backends, "aoai-pool")["pool"].services as Json[];
        services.push({ id: "/backends/aoai-japaneast", priority: 3, weight: 100 });
        configInput.backends["backends"].push({
            name: "nested",
            properties: { type: "Pool", pool: { services: [{ id: "/backends/aoai-pool", priority: 1, weight: 100 }] } },
        });
        assert.deepEqual(problemsOf(configInput), [
            "policies/backends.json: aoai-pool: pool member '/backends/aoai-japaneast' is not a backend in this file",
            "policies/backends.json: nested: pool member '/backends/aoai-pool' is a pool; pools can only hold single backends",
        ]);
    });

    test("a pool with a url", () => {
        const configInput = input();
        backend(configInput.backends, "aoai-pool")["url"] = "https://example.org";
        assert.deepEqual(problemsOf(configInput), [
            "policies/backends.json: backends[3].properties (Pool): unknown setting 'url'; expected description, type, pool",
        ]);
    });

    test("a regional url without its account token", () => {
        const configInput = input();
        backend(configInput.backends, "aoai-westus")["url"] = "https://westus.example.org/openai";
        const problems = problemsOf(configInput);
        assert.ok(
            problems.includes(
                "policies/backends.json: backends[2].properties.url: 'https://westus.example.org/openai' must contain exactly one ${account:<region>} token naming an Azure location",
            ),
            problems.join("\n"),
        );
    });

    test("circuit breaker: one rule only, count or percentage, ISO durations", () => {
        const configInput = input();
        const rules = backend(configInput.backends, "aoai-eastus")["circuitBreaker"].rules as Json[];
        rules.push({ ...structuredClone(rules[0]!), name: "second" });
        rules[1]!["failureCondition"].percentage = 50;
        rules[1]!["tripDuration"] = "1 minute";
        const path = "policies/backends.json: backends[0].properties.circuitBreaker.rules";
        assert.deepEqual(problemsOf(configInput), [
            `${path}: APIM accepts one circuit breaker rule per backend, found 2`,
            `${path}[1].failureCondition: needs exactly one of count or percentage`,
            `${path}[1].tripDuration: '1 minute' is not an ISO 8601 duration such as PT1M`,
        ]);
    });

    test("a regional backend without a circuit breaker", () => {
        const configInput = input();
        delete backend(configInput.backends, "aoai-swedencentral")["circuitBreaker"];
        assert.deepEqual(problemsOf(configInput), [
            "policies/backends.json: backends[1].properties.circuitBreaker: is required: a regional backend must stop receiving traffic while it throttles or fails",
        ]);
    });
});

describe("named value catalog errors", () => {
    test("a secret entry may not carry its value", () => {
        const configInput = input();
        const secret = (configInput.namedValues["namedValues"] as Json[]).find((entry) => entry["secret"] === true)!;
        secret["value"] = "sk-in-clear-text";
        assert.deepEqual(problemsOf(configInput), [
            "policies/named-values.json: namedValues[4] (secret): unknown setting 'value'; expected name, secret, keyVaultSecretName",
        ]);
    });

    test("names that APIM would refuse, and duplicates", () => {
        const configInput = input();
        const entries = configInput.namedValues["namedValues"] as Json[];
        entries[0]!["name"] = "openai api version";
        entries[3]!["name"] = "token-metrics-namespace";
        assert.deepEqual(problemsOf(configInput), [
            "policies/named-values.json: namedValues[0].name: 'openai api version' is not 1-80 letters, digits, '.', '_' or '-' starting with a letter or digit",
            "policies/named-values.json: namedValues: duplicate named value 'token-metrics-namespace'",
        ]);
    });
});
