import * as azure from "@pulumi/azure-native";
import * as pulumi from "@pulumi/pulumi";

export interface KeyVaultSecretValue {
    readonly name: string;
    /** A Pulumi secret read from stack config; it is stored encrypted in state and never exported. */
    readonly value: pulumi.Output<string>;
}

export interface KeyVaultArgs {
    readonly resourceGroupName: pulumi.Input<string>;
    readonly location: string;
    readonly vaultName: string;
    readonly tenantId: pulumi.Input<string>;
    readonly secrets: readonly KeyVaultSecretValue[];
}

export interface GatewayKeyVault {
    readonly vault: azure.keyvault.Vault;
    /** Secrets by Key Vault secret name. */
    readonly secrets: ReadonlyMap<string, azure.keyvault.Secret>;
}

/** A vault authorised through Azure RBAC (no access policies) holding the gateway's secrets. */
export function createKeyVault(args: KeyVaultArgs): GatewayKeyVault {
    const vault = new azure.keyvault.Vault("key-vault", {
        vaultName: args.vaultName,
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        properties: {
            tenantId: args.tenantId,
            sku: { family: azure.keyvault.SkuFamily.A, name: azure.keyvault.SkuName.Standard },
            enableRbacAuthorization: true,
            enableSoftDelete: true,
            softDeleteRetentionInDays: 90,
        },
    });
    const secrets = new Map(
        args.secrets.map((secret) => [
            secret.name,
            new azure.keyvault.Secret(`secret-${secret.name}`, {
                secretName: secret.name,
                vaultName: vault.name,
                resourceGroupName: args.resourceGroupName,
                properties: { value: pulumi.secret(secret.value) },
            }),
        ]),
    );
    return { vault, secrets };
}
