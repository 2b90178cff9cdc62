import * as azure from "@pulumi/azure-native";
import * as pulumi from "@pulumi/pulumi";
import { ApimConfig } from "./stackConfig";

export interface ApimArgs {
    readonly resourceGroupName: pulumi.Input<string>;
    readonly location: string;
    readonly serviceName: string;
    readonly config: ApimConfig;
}

/** The API Management instance; its system-assigned identity is what the role assignments and Key Vault references use. */
export function createApim(args: ApimArgs): azure.apimanagement.ApiManagementService {
    return new azure.apimanagement.ApiManagementService("apim", {
        serviceName: args.serviceName,
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        sku: { name: args.config.sku, capacity: args.config.capacity },
        publisherEmail: args.config.publisherEmail,
        publisherName: args.config.publisherName,
        identity: { type: azure.apimanagement.ApimIdentityType.SystemAssigned },
    });
}

/** The principal id of the instance's system-assigned identity. */
export function apimPrincipalId(apim: azure.apimanagement.ApiManagementService): pulumi.Output<string> {
    return apim.identity.apply((identity) => {
        if (identity?.principalId === undefined) {
            throw new Error("the API Management instance has no system-assigned identity");
        }
        return identity.principalId;
    });
}
