import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { before, describe, test } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import { GatewayRun, RecordedResource, apimPrincipal, runGateway, subscriptionId, tenantId, valueOf } from "../test-support/gatewayRun";
import { infraRoot, pulumiConfig, readRepoJson, secretValue, stackSettings } from "../test-support/stackFiles";

type Json = Record<string, any>;

const regions = ["eastus", "swedencentral", "westus"];
const deployments = ["gpt-4o", "gpt-4o-mini", "text-embedding-3-small"];
const openAiUser = "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd";
const secretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

/** The named values the repository declares; the fragment library adds to them, so counts come from the file. */
const declaredNamedValues = (readRepoJson("policies/named-values.json") as { namedValues: { name: string; secret: boolean; value?: string }[] }).namedValues;

let run: GatewayRun;

before(async () => {
    run = await runGateway(pulumiConfig(stackSettings("dev")));
});

function ofType(type: string): RecordedResource[] {
    return run.resources.filter((resource) => resource.type === `azure-native:${type}`);
}

function single(type: string, name: string): RecordedResource {
    const found = ofType(type).find((resource) => resource.name === name);
    assert.ok(found, `no ${type} named ${name}`);
    return found;
}

function inputs(resource: RecordedResource): Json {
    return resource.inputs as Json;
}

describe("resource graph of the dev stack", () => {
    test("declares each kind of resource as often as the configuration says", () => {
        const counts = Object.fromEntries(
            [...new Set(run.resources.map((resource) => resource.type))].map((type) => [
                type.replace("azure-native:", ""),
                run.resources.filter((resource) => resource.type === type).length,
            ]),
        );
        assert.deepEqual(counts, {
            "resources:ResourceGroup": 1,
            "operationalinsights:Workspace": 1,
            "applicationinsights:Component": 1,
            "keyvault:Vault": 1,
            "keyvault:Secret": 1,
            "apimanagement:ApiManagementService": 1,
            "cognitiveservices:Account": regions.length,
            "cognitiveservices:Deployment": regions.length * deployments.length,
            "authorization:RoleAssignment": regions.length + 1,
            "apimanagement:Backend": regions.length + 3,
            "apimanagement:NamedValue": declaredNamedValues.length,
            "apimanagement:Api": 1,
            "apimanagement:Product": 3,
            "apimanagement:ProductApiLink": 3,
            "apimanagement:Subscription": 2,
            "apimanagement:Logger": 1,
            "apimanagement:Diagnostic": 1,
            "apimanagement:ApiDiagnostic": 1,
        });
    });

    test("declares no policy or fragment: the pipeline's publish step owns them", () => {
        const policyTypes = run.resources.filter((resource) => /Polic(y|ies)|PolicyFragment/.test(resource.type));
        assert.deepEqual(policyTypes, []);
    });

    test("the gateway is a Basic v2 instance with a system-assigned identity", () => {
        const apim = inputs(single("apimanagement:ApiManagementService", "apim"));
        assert.deepEqual(apim["sku"], { name: "BasicV2", capacity: 1 });
        assert.deepEqual(apim["identity"], { type: "SystemAssigned" });
        assert.equal(apim["serviceName"], "agw-dev-apim");
    });

    test("Application Insights is workspace-based", () => {
        const workspace = single("operationalinsights:Workspace", "log-analytics");
        const appInsights = inputs(single("applicationinsights:Component", "app-insights"));
        assert.equal(appInsights["workspaceResourceId"], workspace.id);
        assert.equal(appInsights["ingestionMode"], "LogAnalytics");
    });

    test("the Key Vault authorises through RBAC in the deployer's tenant", () => {
        const properties = inputs(single("keyvault:Vault", "key-vault"))["properties"] as Json;
        assert.equal(properties["enableRbacAuthorization"], true);
        assert.equal(properties["tenantId"], tenantId);
        assert.equal(properties["accessPolicies"], undefined);
    });
});

describe("Azure OpenAI accounts and deployments", () => {
    for (const region of regions) {
        test(`${region}: one account with a custom subdomain and local auth disabled`, () => {
            const account = inputs(single("cognitiveservices:Account", `aoai-${region}`));
            assert.equal(account["location"], region);
            assert.equal(account["kind"], "OpenAI");
            assert.deepEqual(account["sku"], { name: "S0" });
            assert.equal(account["properties"].customSubDomainName, `agw-dev-aoai-${region}`);
            assert.equal(account["properties"].disableLocalAuth, true);
        });

        test(`${region}: one deployment per model, created one after another`, () => {
            const [first, ...rest] = deployments.map((deployment) =>
                single("cognitiveservices:Deployment", `aoai-${region}-${deployment}`),
            );
            assert.ok(first && rest.length === deployments.length - 1);
            assert.deepEqual(inputs(first)["properties"], { model: { format: "OpenAI", name: "gpt-4o", version: "2024-11-20" } });
            assert.deepEqual(inputs(first)["sku"], { name: "GlobalStandard", capacity: 10 });
            assert.ok(!first.dependencies.some((dependency) => dependency.includes(":Deployment::")));
            rest.forEach((deployment, index) => {
                assert.equal(inputs(deployment)["accountName"], `agw-dev-aoai-${region}`);
                const previous = `azure-native:cognitiveservices:Deployment::aoai-${region}-${deployments[index]}`;
                assert.ok(
                    deployment.dependencies.includes(previous),
                    `${deployment.name} does not wait for the deployment before it: ${deployment.dependencies.join(", ")}`,
                );
            });
        });
    }
});

describe("role assignments of the gateway's identity", () => {
    const roleDefinition = (role: string): string => `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${role}`;

    test("Cognitive Services OpenAI User on each account", () => {
        for (const region of regions) {
            const assignment = inputs(single("authorization:RoleAssignment", `apim-openai-user-${region}`));
            assert.equal(assignment["roleDefinitionId"], roleDefinition(openAiUser));
            assert.equal(assignment["scope"], single("cognitiveservices:Account", `aoai-${region}`).id);
            assert.equal(assignment["principalId"], apimPrincipal);
            assert.equal(assignment["principalType"], "ServicePrincipal");
        }
    });

    test("Key Vault Secrets User on the vault", () => {
        const assignment = inputs(single("authorization:RoleAssignment", "apim-key-vault-secrets-user"));
        assert.equal(assignment["roleDefinitionId"], roleDefinition(secretsUser));
        assert.equal(assignment["scope"], single("keyvault:Vault", "key-vault").id);
        assert.equal(assignment["principalId"], apimPrincipal);
    });

    test("assignment names are distinct GUIDs, as ARM requires", () => {
        const names = ofType("authorization:RoleAssignment").map((assignment) => String(inputs(assignment)["roleAssignmentName"]));
        assert.equal(new Set(names).size, names.length);
        for (const name of names) {
            assert.match(name, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        }
    });
});

describe("backends from policies/backends.json", () => {
    const catalog = readRepoJson("policies/backends.json") as { backends: { name: string; properties: Json }[] };
    const catalogEntry = (name: string): Json => catalog.backends.find((entry) => entry.name === name)!.properties;

    for (const region of regions) {
        test(`${region}: a single backend on the region's account, with the catalog's circuit breaker`, () => {
            const backend = single("apimanagement:Backend", `backend-aoai-${region}`);
            const args = inputs(backend);
            assert.equal(args["backendId"], `aoai-${region}`);
            assert.equal(args["type"], "Single");
            assert.equal(args["url"], `https://agw-dev-aoai-${region}.openai.azure.com/openai`);
            assert.equal(args["protocol"], "http");
            assert.deepEqual(args["circuitBreaker"], catalogEntry(`aoai-${region}`)["circuitBreaker"]);
            assert.deepEqual(args["circuitBreaker"].rules[0], {
                name: "throttled-or-failing",
                failureCondition: {
                    count: 1,
                    interval: "PT1M",
                    statusCodeRanges: [
                        { min: 429, max: 429 },
                        { min: 500, max: 599 },
                    ],
                },
                tripDuration: "PT1M",
                acceptRetryAfter: false,
            });
            assert.ok(backend.dependencies.includes(`azure-native:cognitiveservices:Account::aoai-${region}`));
        });
    }

    test("the pool: members, priorities and weights, and no url or protocol", () => {
        const pool = single("apimanagement:Backend", "backend-aoai-pool");
        const args = inputs(pool);
        assert.equal(args["type"], "Pool");
        assert.deepEqual(args["pool"], {
            services: [
                { id: "/backends/aoai-eastus", priority: 1, weight: 100 },
                { id: "/backends/aoai-swedencentral", priority: 2, weight: 50 },
                { id: "/backends/aoai-westus", priority: 2, weight: 50 },
            ],
        });
        assert.deepEqual(args["pool"], catalogEntry("aoai-pool")["pool"]);
        for (const absent of ["url", "protocol", "circuitBreaker"]) {
            assert.equal(args[absent], undefined, `a pool must not carry ${absent}`);
        }
        for (const region of regions) {
            assert.ok(pool.dependencies.includes(`azure-native:apimanagement:Backend::backend-aoai-${region}`));
        }
    });

    test("backends use the SDK's default APIM API version, which has pools and circuit breakers", () => {
        // @pulumi/azure-native 3.x ships no versioned apimanagement modules; its default moved to 2024-05-01
        // (pulumi-azure-native PR #4574). The generated classes state their API version in their doc comment.
        assert.deepEqual(
            [...new Set(run.resources.filter((resource) => resource.type.includes(":apimanagement:")).map((r) => r.type))].filter(
                (type) => !/^azure-native:apimanagement:[A-Za-z]+$/.test(type),
            ),
            [],
        );
        const classes = ["backend", "apiManagementService", "namedValue", "api", "product", "productApiLink", "subscription", "logger", "diagnostic", "apiDiagnostic"];
        for (const file of classes) {
            const declaration = readFileSync(
                path.join(infraRoot, "node_modules/@pulumi/azure-native/apimanagement", `${file}.d.ts`),
                "utf8",
            );
            const version = /Uses Azure REST API version (\d{4}-\d{2}-\d{2})/.exec(declaration)?.[1];
            assert.ok(version !== undefined && version >= "2024-05-01", `${file}: API version ${version ?? "unknown"}`);
        }
    });
});

describe("named values from policies/named-values.json", () => {
    test("plain values are plain, with the stack's override applied", () => {
        const values = Object.fromEntries(
            ofType("apimanagement:NamedValue")
                .map(inputs)
                .filter((args) => args["secret"] === false)
                .map((args) => [args["displayName"], args["value"]]),
        );
        const expected: Record<string, string | undefined> = Object.fromEntries(
            declaredNamedValues.filter((entry) => !entry.secret).map((entry) => [entry.name, entry.value]),
        );
        // The dev stack deploys the dev environment: its file's values replace the catalog's.
        Object.assign(expected, (readRepoJson("policies/environments/dev.json") as { namedValues: Record<string, string> }).namedValues);
        assert.equal(expected["entra-tenant-id"], "11111111-1111-1111-1111-111111111111");
        assert.deepEqual(values, expected);
        assert.equal(values["openai-api-version"], "2024-10-21");
    });

    test("a secret is a Key Vault reference, created once the secret and the role exist", () => {
        const namedValue = single("apimanagement:NamedValue", "named-value-payg-fallback-api-key");
        assert.deepEqual(inputs(namedValue), {
            namedValueId: "payg-fallback-api-key",
            displayName: "payg-fallback-api-key",
            resourceGroupName: "agw-dev-rg",
            serviceName: "agw-dev-apim",
            secret: true,
            keyVault: { secretIdentifier: "https://agw-dev-kv.vault.azure.net/secrets/payg-fallback-api-key" },
        });
        assert.ok(namedValue.dependencies.includes("azure-native:keyvault:Secret::secret-payg-fallback-api-key"));
        assert.ok(namedValue.dependencies.includes("azure-native:authorization:RoleAssignment::apim-key-vault-secrets-user"));
    });

    test("no secret in plain text: the value reaches only the Key Vault secret, marked secret", () => {
        const carriers = run.resources.filter((resource) => JSON.stringify(resource.inputs).includes(secretValue));
        assert.deepEqual(
            carriers.map((resource) => resource.name),
            ["secret-payg-fallback-api-key"],
        );
        const [carrier] = carriers;
        assert.ok(carrier && pulumi.runtime.isRpcSecret(inputs(carrier)["properties"]));
        assert.ok(pulumi.runtime.isRpcSecret(inputs(single("apimanagement:Logger", "logger-appinsights"))["credentials"]));
    });
});

describe("API, products and observability", () => {
    test("the OpenAI API is imported from the repository's OpenAPI document", () => {
        const api = inputs(single("apimanagement:Api", "api-azure-openai"));
        const document = readFileSync(path.join(infraRoot, "openapi/azure-openai-inference.json"), "utf8");
        assert.equal(api["format"], "openapi+json");
        assert.equal(api["value"], document);
        assert.equal(api["path"], "openai");
        assert.deepEqual(api["subscriptionKeyParameterNames"], { header: "api-key", query: "api-key" });
        assert.deepEqual(Object.keys((JSON.parse(document) as Json)["paths"]), [
            "/deployments/{deployment-id}/chat/completions",
            "/deployments/{deployment-id}/completions",
            "/deployments/{deployment-id}/embeddings",
        ]);
    });

    test("each tier is a published product exposing the API; subscriptions are scoped to their product", () => {
        const api = single("apimanagement:Api", "api-azure-openai");
        for (const tier of ["ai-basic", "ai-standard", "ai-premium"]) {
            const product = single("apimanagement:Product", `product-${tier}`);
            assert.equal(inputs(product)["state"], "published");
            assert.equal(inputs(product)["subscriptionRequired"], true);
            assert.equal(inputs(single("apimanagement:ProductApiLink", `product-${tier}-api`))["apiId"], api.id);
        }
        assert.deepEqual(
            ofType("apimanagement:Subscription").map((subscription) => [inputs(subscription)["sid"], inputs(subscription)["scope"]]),
            [
                ["dev-smoke-tests", single("apimanagement:Product", "product-ai-basic").id],
                ["dev-load-tests", single("apimanagement:Product", "product-ai-premium").id],
            ],
        );
        for (const subscription of ofType("apimanagement:Subscription")) {
            assert.equal(inputs(subscription)["primaryKey"], undefined, "keys are generated by APIM");
        }
    });

    test("an Application Insights logger and diagnostics with metrics on, for the token metrics", () => {
        const logger = single("apimanagement:Logger", "logger-appinsights");
        assert.equal(inputs(logger)["loggerType"], "applicationInsights");
        assert.equal(inputs(logger)["resourceId"], single("applicationinsights:Component", "app-insights").id);
        const service = inputs(single("apimanagement:Diagnostic", "diagnostic-appinsights"));
        const api = inputs(single("apimanagement:ApiDiagnostic", "api-diagnostic-appinsights"));
        for (const diagnostic of [service, api]) {
            assert.equal(diagnostic["diagnosticId"], "applicationinsights");
            assert.equal(diagnostic["loggerId"], logger.id);
            assert.equal(diagnostic["metrics"], true);
            assert.equal(diagnostic["frontend"].request.body.bytes, 0, "prompts are not logged");
        }
        assert.equal(api["apiId"], "azure-openai");
    });

    test("stack outputs name the gateway and each region's endpoint", async () => {
        assert.equal(await valueOf(run.outputs.gatewayUrl), "https://agw-dev-apim.azure-api.net");
        assert.deepEqual(Object.keys(run.outputs.openAiEndpoints), regions);
        assert.equal(await valueOf(run.outputs.openAiEndpoints["eastus"]!), "https://agw-dev-aoai-eastus.openai.azure.com/");
        assert.deepEqual(run.outputs.backendIds, ["aoai-eastus", "aoai-swedencentral", "aoai-westus", "aoai-pool", "aoai-pool-us", "aoai-pool-eu"]);
    });
});
