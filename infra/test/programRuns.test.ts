import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { gatewayProgram } from "../src/program";
import { ConfigurationError } from "../src/validation";
import { MockEngine, runGateway } from "../test-support/gatewayRun";
import { pulumiConfig, stackSettings } from "../test-support/stackFiles";

type Json = Record<string, any>;

/** Runs the program on the mock engine with a broken dev config and returns the engine and the error. */
async function failingRun(breakIt: (settings: Json) => void): Promise<{ engine: MockEngine; error: ConfigurationError }> {
    const settings = structuredClone(stackSettings("dev")) as Json;
    breakIt(settings);
    const engine = await MockEngine.start(pulumiConfig(settings));
    let failure: unknown;
    await gatewayProgram().catch((error: unknown) => {
        failure = error;
    });
    await engine.settle();
    assert.ok(failure instanceof ConfigurationError, `expected a ConfigurationError, got ${String(failure)}`);
    return { engine, error: failure };
}

describe("a wrong configuration stops the program before any resource", () => {
    const cases: [string, (settings: Json) => void, RegExp][] = [
        ["no regions", (settings) => delete settings["regions"], /regions: no Azure OpenAI regions configured/],
        [
            "a capacity of zero",
            (settings) => (settings["regions"][1].models[0].capacity = 0),
            /regions\[1\]\.models\[0\]\.capacity: must be an integer in 1\.\.100000, got 0/,
        ],
        ["an unknown SKU", (settings) => (settings["apim"].sku = "Gold"), /apim\.sku: unknown value "Gold"; expected one of BasicV2/],
        [
            "a config value that is not JSON where a list is expected",
            (settings) => (settings["regions"] = "eastus"),
            /regions: must be a list, got "eastus"/,
        ],
    ];
    for (const [name, breakIt, message] of cases) {
        test(name, async () => {
            const { engine, error } = await failingRun(breakIt);
            assert.match(error.message, message);
            assert.deepEqual(engine.resources(), []);
            assert.deepEqual(engine.invokes, []);
        });
    }

    test("a missing Key Vault secret value names the command that sets it", async () => {
        const settings = stackSettings("dev");
        const config = pulumiConfig(settings);
        delete config["apim-ai-gateway:secret-payg-fallback-api-key"];
        const engine = await MockEngine.start(config);
        await assert.rejects(gatewayProgram(), /pulumi config set --secret secret-payg-fallback-api-key <value>/);
        await engine.settle();
        assert.deepEqual(engine.resources(), []);
    });
});

describe("environments", () => {
    test("a stack without an environment of its name stops before any resource, naming the environments", async () => {
        const engine = await MockEngine.start(pulumiConfig(stackSettings("dev")), "staging");
        await assert.rejects(
            gatewayProgram(),
            (error: unknown) =>
                error instanceof ConfigurationError &&
                /^policies\/environments\/staging\.json: stack 'staging' has no environment file; the environments are: dev, prod /.test(
                    error.problems[0] ?? "",
                ),
        );
        await engine.settle();
        assert.deepEqual(engine.resources(), []);
    });

    test("the prod stack deploys the prod environment's values", async () => {
        const run = await runGateway(pulumiConfig(stackSettings("prod")), "prod");
        const tenant = run.resources.find((resource) => resource.name === "named-value-entra-tenant-id");
        assert.equal((tenant?.inputs as Json)["value"], "22222222-2222-2222-2222-222222222222");
    });
});

describe("prod stack", () => {
    test("a Standard v2 gateway with two units and the prod capacities per region and model", async () => {
        const run = await runGateway(pulumiConfig(stackSettings("prod")), "prod");
        const apim = run.resources.find((resource) => resource.type === "azure-native:apimanagement:ApiManagementService");
        assert.deepEqual((apim?.inputs as Json)["sku"], { name: "StandardV2", capacity: 2 });
        const capacities = Object.fromEntries(
            run.resources
                .filter((resource) => resource.type === "azure-native:cognitiveservices:Deployment")
                .map((resource) => [resource.name, (resource.inputs as Json)["sku"].capacity]),
        );
        assert.deepEqual(capacities, {
            "aoai-eastus-gpt-4o": 300,
            "aoai-eastus-gpt-4o-mini": 450,
            "aoai-eastus-text-embedding-3-small": 350,
            "aoai-swedencentral-gpt-4o": 150,
            "aoai-swedencentral-gpt-4o-mini": 250,
            "aoai-swedencentral-text-embedding-3-small": 150,
            "aoai-westus-gpt-4o": 150,
            "aoai-westus-gpt-4o-mini": 250,
            "aoai-westus-text-embedding-3-small": 150,
        });
        const subscriptions = run.resources.filter((resource) => resource.type === "azure-native:apimanagement:Subscription");
        assert.equal(subscriptions.length, 3);
    });
});
