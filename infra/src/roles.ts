import * as azure from "@pulumi/azure-native";
import * as pulumi from "@pulumi/pulumi";
import { deterministicGuid } from "./guid";

/** Built-in role definition ids (Learn: "Azure built-in roles"). */
export const builtInRoles = {
    cognitiveServicesOpenAIUser: "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd",
    keyVaultSecretsUser: "4633458b-17de-408a-b874-0445c86b69e6",
} as const;

export type BuiltInRole = keyof typeof builtInRoles;

export interface RoleGrant {
    readonly role: BuiltInRole;
    readonly principalId: pulumi.Input<string>;
    readonly scope: pulumi.Input<string>;
    readonly subscriptionId: pulumi.Input<string>;
}

/** Grants a built-in role to a managed identity (a service principal) on one resource. */
export function grantRole(name: string, grant: RoleGrant, opts?: pulumi.CustomResourceOptions): azure.authorization.RoleAssignment {
    const roleId = builtInRoles[grant.role];
    return new azure.authorization.RoleAssignment(
        name,
        {
            roleAssignmentName: pulumi
                .all([grant.scope, grant.principalId])
                .apply(([scope, principalId]) => deterministicGuid(scope, principalId, roleId)),
            principalId: grant.principalId,
            principalType: azure.authorization.PrincipalType.ServicePrincipal,
            roleDefinitionId: pulumi.interpolate`/subscriptions/${grant.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleId}`,
            scope: grant.scope,
        },
        opts,
    );
}
