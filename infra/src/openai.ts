import * as azure from "@pulumi/azure-native";
import * as pulumi from "@pulumi/pulumi";
import { RegionConfig } from "./stackConfig";

export interface RegionalAccount {
    readonly region: string;
    readonly account: azure.cognitiveservices.Account;
    readonly deployments: readonly azure.cognitiveservices.Deployment[];
}

export interface OpenAiArgs {
    readonly resourceGroupName: pulumi.Input<string>;
    readonly regions: readonly RegionConfig[];
    readonly accountName: (region: string) => string;
}

/** One Azure OpenAI account per region with its model deployments. */
export function createOpenAiAccounts(args: OpenAiArgs): RegionalAccount[] {
    return args.regions.map((region) => createRegionalAccount(region, args));
}

function createRegionalAccount(region: RegionConfig, args: OpenAiArgs): RegionalAccount {
    const accountName = args.accountName(region.location);
    const account = new azure.cognitiveservices.Account(`aoai-${region.location}`, {
        accountName,
        resourceGroupName: args.resourceGroupName,
        location: region.location,
        kind: "OpenAI",
        sku: { name: "S0" },
        properties: {
            // Entra ID tokens need a custom subdomain; with local auth off, keys cannot bypass the gateway's identity.
            customSubDomainName: accountName,
            disableLocalAuth: true,
            publicNetworkAccess: azure.cognitiveservices.PublicNetworkAccess.Enabled,
        },
    });
    // Concurrent deployment PUTs on one account conflict, so each deployment waits for the previous one.
    const deployments: azure.cognitiveservices.Deployment[] = [];
    for (const model of region.models) {
        const previous = deployments[deployments.length - 1];
        deployments.push(
            new azure.cognitiveservices.Deployment(
                `aoai-${region.location}-${model.deployment}`,
                {
                    accountName: account.name,
                    deploymentName: model.deployment,
                    resourceGroupName: args.resourceGroupName,
                    sku: { name: model.sku, capacity: model.capacity },
                    properties: { model: { format: "OpenAI", name: model.model, version: model.version } },
                },
                { dependsOn: previous === undefined ? [account] : [account, previous] },
            ),
        );
    }
    return { region: region.location, account, deployments };
}
