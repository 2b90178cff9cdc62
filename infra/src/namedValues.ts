import * as azure from "@pulumi/azure-native";
import * as pulumi from "@pulumi/pulumi";
import { NamedValueDefinition } from "./namedValueCatalog";

export interface NamedValueArgs {
    readonly resourceGroupName: pulumi.Input<string>;
    readonly serviceName: pulumi.Input<string>;
    readonly namedValues: readonly NamedValueDefinition[];
    /** `https://<vault>.vault.azure.net/` */
    readonly vaultUri: pulumi.Input<string>;
    /**
     * What a Key Vault reference needs before APIM can resolve it: the secret itself and the identity's
     * Key Vault Secrets User role; APIM validates the reference when the named value is created.
     */
    readonly keyVaultReady: readonly pulumi.Resource[];
}

export function createNamedValues(args: NamedValueArgs): Map<string, azure.apimanagement.NamedValue> {
    return new Map(args.namedValues.map((namedValue) => [namedValue.name, createNamedValue(namedValue, args)]));
}

function createNamedValue(namedValue: NamedValueDefinition, args: NamedValueArgs): azure.apimanagement.NamedValue {
    const common = {
        namedValueId: namedValue.name,
        displayName: namedValue.name,
        resourceGroupName: args.resourceGroupName,
        serviceName: args.serviceName,
    };
    if (!namedValue.secret) {
        return new azure.apimanagement.NamedValue(`named-value-${namedValue.name}`, { ...common, secret: false, value: namedValue.value });
    }
    return new azure.apimanagement.NamedValue(
        `named-value-${namedValue.name}`,
        {
            ...common,
            secret: true,
            // Unversioned identifier: APIM picks up a rotated secret by itself (PSRule Azure.APIM.EncryptValues).
            // No identityClientId: the system-assigned identity reads the vault.
            keyVault: { secretIdentifier: pulumi.interpolate`${args.vaultUri}secrets/${namedValue.keyVaultSecretName}` },
        },
        { dependsOn: [...args.keyVaultReady] },
    );
}
