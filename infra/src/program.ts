import * as azure from "@pulumi/azure-native";
import * as pulumi from "@pulumi/pulumi";
import { importOpenAiApi } from "./api";
import { apimPrincipalId, createApim } from "./apim";
import { createBackends } from "./backends";
import { loadGatewayConfig } from "./config";
import { createDiagnostics } from "./diagnostics";
import { createKeyVault } from "./keyvault";
import { createMonitoring } from "./monitoring";
import { createNamedValues } from "./namedValues";
import { resourceNames } from "./naming";
import { createOpenAiAccounts } from "./openai";
import { createProducts } from "./products";
import { grantRole } from "./roles";
import { readProgramSources } from "./sources";
import { readSecret, readStackSettings } from "./stackSettings";

export interface GatewayOutputs {
    readonly resourceGroupName: pulumi.Output<string>;
    readonly apimServiceName: pulumi.Output<string>;
    readonly gatewayUrl: pulumi.Output<string>;
    readonly keyVaultUri: pulumi.Output<string>;
    readonly openAiEndpoints: Record<string, pulumi.Output<string>>;
    readonly backendIds: readonly string[];
}

/** The whole gateway: validates the configuration first, then declares every resource. */
export async function gatewayProgram(): Promise<GatewayOutputs> {
    const settings = readStackSettings();
    const stackName = pulumi.getStack();
    const sources = readProgramSources(stackName);
    const config = loadGatewayConfig({
        stack: settings.raw,
        backends: sources.backends,
        namedValues: sources.namedValues,
        environment: { name: stackName, document: sources.environment },
        providedSecrets: settings.providedSecrets,
    });
    const { stack } = config;
    const names = resourceNames(stack.namePrefix);
    const client = azure.authorization.getClientConfigOutput();

    const resourceGroup = new azure.resources.ResourceGroup("resource-group", {
        resourceGroupName: names.resourceGroup,
        location: stack.location,
    });
    const resourceGroupName = resourceGroup.name;
    const monitoring = createMonitoring({
        resourceGroupName,
        location: stack.location,
        workspaceName: names.logAnalytics,
        appInsightsName: names.appInsights,
    });
    const keyVault = createKeyVault({
        resourceGroupName,
        location: stack.location,
        vaultName: names.keyVault,
        tenantId: client.tenantId,
        secrets: config.namedValues.flatMap((namedValue) =>
            namedValue.secret ? [{ name: namedValue.keyVaultSecretName, value: readSecret(namedValue.keyVaultSecretName) }] : [],
        ),
    });
    const apim = createApim({ resourceGroupName, location: stack.location, serviceName: names.apim, config: stack.apim });
    const principalId = apimPrincipalId(apim);
    const accounts = createOpenAiAccounts({ resourceGroupName, regions: stack.regions, accountName: names.account });

    for (const { region, account } of accounts) {
        grantRole(`apim-openai-user-${region}`, {
            role: "cognitiveServicesOpenAIUser",
            principalId,
            scope: account.id,
            subscriptionId: client.subscriptionId,
        });
    }
    const secretsUser = grantRole("apim-key-vault-secrets-user", {
        role: "keyVaultSecretsUser",
        principalId,
        scope: keyVault.vault.id,
        subscriptionId: client.subscriptionId,
    });

    const serviceName = apim.name;
    const backends = createBackends({
        resourceGroupName,
        serviceName,
        catalog: config.backends,
        accountName: names.account,
        accounts: new Map(accounts.map(({ region, account }) => [region, account])),
    });
    createNamedValues({
        resourceGroupName,
        serviceName,
        namedValues: config.namedValues,
        vaultUri: keyVault.vault.properties.vaultUri,
        keyVaultReady: [secretsUser, ...keyVault.secrets.values()],
    });
    const api = importOpenAiApi({ resourceGroupName, serviceName, openApiDocument: sources.openApiDocument });
    createProducts({ resourceGroupName, serviceName, products: stack.products, subscriptions: stack.subscriptions, api });
    createDiagnostics({ resourceGroupName, serviceName, appInsights: monitoring.appInsights, apiName: api.name });

    return {
        resourceGroupName,
        apimServiceName: serviceName,
        gatewayUrl: apim.gatewayUrl,
        keyVaultUri: keyVault.vault.properties.vaultUri,
        openAiEndpoints: Object.fromEntries(accounts.map(({ region, account }) => [region, account.properties.endpoint])),
        backendIds: [...backends.keys()],
    };
}
