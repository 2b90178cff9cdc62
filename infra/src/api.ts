import * as azure from "@pulumi/azure-native";
import * as pulumi from "@pulumi/pulumi";

export const openAiApiId = "azure-openai";
export const openAiApiPath = "openai";

export interface ApiArgs {
    readonly resourceGroupName: pulumi.Input<string>;
    readonly serviceName: pulumi.Input<string>;
    /** The OpenAPI 3 document of the inference API, as JSON text. */
    readonly openApiDocument: string;
}

/**
 * The Azure OpenAI inference API imported from the repository's OpenAPI document. Requests are routed by the
 * API policy (set-backend-service to the pool), which the pipeline publishes; this program owns the definition only.
 */
export function importOpenAiApi(args: ApiArgs): azure.apimanagement.Api {
    return new azure.apimanagement.Api("api-azure-openai", {
        apiId: openAiApiId,
        resourceGroupName: args.resourceGroupName,
        serviceName: args.serviceName,
        displayName: "Azure OpenAI",
        path: openAiApiPath,
        protocols: [azure.apimanagement.Protocol.Https],
        format: azure.apimanagement.ContentFormat.Openapi_json,
        value: args.openApiDocument,
        subscriptionRequired: true,
        // The names the Azure OpenAI SDKs send, so clients only change their endpoint.
        subscriptionKeyParameterNames: { header: "api-key", query: "api-key" },
    });
}
