import * as azure from "@pulumi/azure-native";
import * as pulumi from "@pulumi/pulumi";

export interface Monitoring {
    readonly workspace: azure.operationalinsights.Workspace;
    readonly appInsights: azure.applicationinsights.Component;
}

export interface MonitoringArgs {
    readonly resourceGroupName: pulumi.Input<string>;
    readonly location: string;
    readonly workspaceName: string;
    readonly appInsightsName: string;
}

/** Log Analytics and a workspace-based Application Insights that receives the gateway's logs and token metrics. */
export function createMonitoring(args: MonitoringArgs): Monitoring {
    const workspace = new azure.operationalinsights.Workspace("log-analytics", {
        workspaceName: args.workspaceName,
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        sku: { name: azure.operationalinsights.WorkspaceSkuNameEnum.PerGB2018 },
        retentionInDays: 30,
    });
    const appInsights = new azure.applicationinsights.Component("app-insights", {
        resourceName: args.appInsightsName,
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        kind: "web",
        applicationType: azure.applicationinsights.ApplicationType.Web,
        ingestionMode: azure.applicationinsights.IngestionMode.LogAnalytics,
        workspaceResourceId: workspace.id,
    });
    return { workspace, appInsights };
}
