import * as azure from "@pulumi/azure-native";
import * as pulumi from "@pulumi/pulumi";
import { BackendCatalog, BackendDefinition, PoolBackend, SingleBackend, resolveBackendUrl } from "./backendCatalog";

export interface BackendArgs {
    readonly resourceGroupName: pulumi.Input<string>;
    readonly serviceName: pulumi.Input<string>;
    readonly catalog: BackendCatalog;
    readonly accountName: (region: string) => string;
    /** Accounts by region, so a backend is only declared once the host it points at exists. */
    readonly accounts: ReadonlyMap<string, pulumi.Resource>;
}

/** Declares the catalog's backends: regional ones with their circuit breaker, then pools after their members. */
export function createBackends(args: BackendArgs): Map<string, azure.apimanagement.Backend> {
    const created = new Map<string, azure.apimanagement.Backend>();
    for (const backend of args.catalog.backends) {
        if (backend.type === "Single") {
            created.set(backend.name, createSingle(backend, args));
        }
    }
    for (const backend of args.catalog.backends) {
        if (backend.type === "Pool") {
            created.set(backend.name, createPool(backend, args, created));
        }
    }
    return created;
}

/** What every backend resource carries, whatever its type. */
function commonBackendArgs(backend: BackendDefinition, args: BackendArgs) {
    return {
        backendId: backend.name,
        resourceGroupName: args.resourceGroupName,
        serviceName: args.serviceName,
        description: backend.description,
    };
}

function createSingle(backend: SingleBackend, args: BackendArgs): azure.apimanagement.Backend {
    const account = args.accounts.get(backend.region);
    return new azure.apimanagement.Backend(
        `backend-${backend.name}`,
        {
            ...commonBackendArgs(backend, args),
            type: azure.apimanagement.BackendType.Single,
            url: resolveBackendUrl(backend, args.accountName(backend.region)),
            protocol: azure.apimanagement.BackendProtocol.Http,
            circuitBreaker: {
                rules: backend.circuitBreakerRules.map((rule) => ({
                    name: rule.name,
                    tripDuration: rule.tripDuration,
                    acceptRetryAfter: rule.acceptRetryAfter,
                    failureCondition: {
                        count: rule.failureCondition.count,
                        percentage: rule.failureCondition.percentage,
                        interval: rule.failureCondition.interval,
                        statusCodeRanges: rule.failureCondition.statusCodeRanges?.map((range) => ({ ...range })),
                        errorReasons: rule.failureCondition.errorReasons?.slice(),
                    },
                })),
            },
        },
        { dependsOn: account === undefined ? [] : [account] },
    );
}

// A pool carries no url or protocol: APIM rejects them on pools (Azure/bicep#14097).
function createPool(
    backend: PoolBackend,
    args: BackendArgs,
    created: ReadonlyMap<string, azure.apimanagement.Backend>,
): azure.apimanagement.Backend {
    const members = backend.services.flatMap((service) => {
        const member = created.get(service.backend);
        return member === undefined ? [] : [member];
    });
    return new azure.apimanagement.Backend(
        `backend-${backend.name}`,
        {
            ...commonBackendArgs(backend, args),
            type: azure.apimanagement.BackendType.Pool,
            pool: {
                services: backend.services.map((service) => ({
                    id: service.id,
                    priority: service.priority,
                    weight: service.weight,
                })),
            },
        },
        { dependsOn: members },
    );
}
