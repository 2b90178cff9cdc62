import * as pulumi from "@pulumi/pulumi";
import { GatewayOutputs, gatewayProgram } from "../src/program";

import { project } from "./stackFiles";

export const subscriptionId = "11111111-2222-3333-4444-555555555555";
export const tenantId = "99999999-8888-7777-6666-555555555555";
export const apimPrincipal = "apim-system-identity-principal";

export interface RecordedResource {
    readonly type: string;
    readonly name: string;
    readonly id: string;
    readonly inputs: Record<string, unknown>;
    /** Direct dependencies as `type::name`, taken from the registration request. */
    readonly dependencies: readonly string[];
}

export interface GatewayRun {
    readonly resources: readonly RecordedResource[];
    readonly outputs: GatewayOutputs;
}

// Per resource type: the input that names the Azure resource, which the engine would echo back as `name`.
const nameInputs: Readonly<Record<string, string>> = {
    "azure-native:resources:ResourceGroup": "resourceGroupName",
    "azure-native:operationalinsights:Workspace": "workspaceName",
    "azure-native:applicationinsights:Component": "resourceName",
    "azure-native:keyvault:Vault": "vaultName",
    "azure-native:keyvault:Secret": "secretName",
    "azure-native:apimanagement:ApiManagementService": "serviceName",
    "azure-native:cognitiveservices:Account": "accountName",
    "azure-native:cognitiveservices:Deployment": "deploymentName",
    "azure-native:authorization:RoleAssignment": "roleAssignmentName",
    "azure-native:apimanagement:Backend": "backendId",
    "azure-native:apimanagement:NamedValue": "namedValueId",
    "azure-native:apimanagement:Api": "apiId",
    "azure-native:apimanagement:Product": "productId",
    "azure-native:apimanagement:ProductApiLink": "apiLinkId",
    "azure-native:apimanagement:Subscription": "sid",
    "azure-native:apimanagement:Logger": "loggerId",
    "azure-native:apimanagement:Diagnostic": "diagnosticId",
    "azure-native:apimanagement:ApiDiagnostic": "diagnosticId",
};

/** Outputs Azure computes that the program reads; the mock engine only knows what we return. */
function computedOutputs(type: string, name: string): Record<string, unknown> {
    switch (type) {
        case "azure-native:apimanagement:ApiManagementService":
            return { identity: { type: "SystemAssigned", principalId: apimPrincipal }, gatewayUrl: `https://${name}.azure-api.net` };
        case "azure-native:cognitiveservices:Account":
            return { properties: { endpoint: `https://${name}.openai.azure.com/` } };
        case "azure-native:keyvault:Vault":
            return { properties: { vaultUri: `https://${name}.vault.azure.net/` } };
        case "azure-native:applicationinsights:Component":
            return { instrumentationKey: "instrumentation-key" };
        default:
            return {};
    }
}

interface RegisterRequest {
    getType(): string;
    getName(): string;
    getDependenciesList(): string[];
}

interface MockMonitor {
    registerResource(request: RegisterRequest, callback: unknown): unknown;
}

// Not in the typings, but what Pulumi itself awaits before shutting down: the queue of pending registrations.
interface RuntimeWithRpcQueue {
    waitForRPCs?: () => Promise<void>;
}

/**
 * Pulumi's mock engine, set up with the given stack config, recording every resource and invoke a program makes.
 * The mock monitor is wrapped to record dependsOn, which MockResourceArgs does not carry.
 */
export class MockEngine {
    private readonly recorded: { type: string; name: string; id: string; inputs: Record<string, unknown> }[] = [];
    private readonly dependencies = new Map<string, string[]>();
    readonly invokes: string[] = [];

    static async start(config: Record<string, string>, stack = "dev"): Promise<MockEngine> {
        const engine = new MockEngine();
        await pulumi.runtime.setMocks(
            {
                newResource: (args: pulumi.runtime.MockResourceArgs): pulumi.runtime.MockResourceResult => engine.register(args),
                call: (args: pulumi.runtime.MockCallArgs): Record<string, unknown> => engine.invoke(args),
            },
            project,
            stack,
            false,
        );
        const monitor = pulumi.runtime.getMonitor() as unknown as MockMonitor;
        const register = monitor.registerResource.bind(monitor);
        monitor.registerResource = (request, callback) => {
            engine.dependencies.set(`${request.getType()}::${request.getName()}`, request.getDependenciesList().map(urnToKey));
            return register(request, callback);
        };
        pulumi.runtime.setAllConfig(
            config,
            Object.keys(config).filter((key) => key.includes(":secret-")),
        );
        return engine;
    }

    /** Waits until every registration the program started has reached the engine. */
    async settle(): Promise<void> {
        const { waitForRPCs } = pulumi.runtime as unknown as RuntimeWithRpcQueue;
        if (waitForRPCs === undefined) {
            throw new Error("@pulumi/pulumi no longer exposes runtime.waitForRPCs; the tests cannot tell when registration ends");
        }
        await waitForRPCs();
    }

    resources(): RecordedResource[] {
        return this.recorded.map((resource) => ({
            ...resource,
            dependencies: this.dependencies.get(`${resource.type}::${resource.name}`) ?? [],
        }));
    }

    private register(args: pulumi.runtime.MockResourceArgs): pulumi.runtime.MockResourceResult {
        const nameInput = nameInputs[args.type];
        const azureName = String((nameInput === undefined ? undefined : args.inputs[nameInput]) ?? args.name);
        const id = `/mock/${args.type}/${azureName}`;
        this.recorded.push({ type: args.type, name: args.name, id, inputs: args.inputs });
        return { id, state: { ...args.inputs, name: azureName, ...computedOutputs(args.type, azureName) } };
    }

    private invoke(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
        this.invokes.push(args.token);
        if (args.token === "azure-native:authorization:getClientConfig") {
            return { subscriptionId, tenantId, clientId: "deployer-client", objectId: "deployer-object" };
        }
        throw new Error(`unexpected invoke ${args.token}`);
    }
}

/** Runs the gateway program on the mock engine and returns what it declared once registration has finished. */
export async function runGateway(config: Record<string, string>, stack = "dev"): Promise<GatewayRun> {
    const engine = await MockEngine.start(config, stack);
    const outputs = await gatewayProgram();
    await engine.settle();
    return { outputs, resources: engine.resources() };
}

/** `urn:pulumi:stack::project::parent$type::name` to `type::name`. */
function urnToKey(urn: string): string {
    const parts = urn.split("::");
    const name = parts[parts.length - 1] ?? "";
    const type = (parts[parts.length - 2] ?? "").split("$").pop() ?? "";
    return `${type}::${name}`;
}

/** Resolves an Output the way a test needs it: as a promise of its value. */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => output.apply((value) => resolve(value)));
}
