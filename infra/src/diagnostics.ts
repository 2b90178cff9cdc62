import * as azure from "@pulumi/azure-native";
import * as pulumi from "@pulumi/pulumi";

export interface DiagnosticsArgs {
    readonly resourceGroupName: pulumi.Input<string>;
    readonly serviceName: pulumi.Input<string>;
    readonly appInsights: azure.applicationinsights.Component;
    readonly apiName: pulumi.Input<string>;
}

export interface Diagnostics {
    readonly logger: azure.apimanagement.Logger;
    readonly serviceDiagnostic: azure.apimanagement.Diagnostic;
    readonly apiDiagnostic: azure.apimanagement.ApiDiagnostic;
}

export const appInsightsLoggerId = "appinsights";

// Prompts and completions are not logged: only headers needed for correlation, no bodies.
const pipelineSettings = { request: { headers: [], body: { bytes: 0 } }, response: { headers: [], body: { bytes: 0 } } };

/**
 * The Application Insights logger and the `applicationinsights` diagnostics. `metrics: true` is what lets the
 * emit-token-metric policies publish custom metrics (Learn: "azure-openai-emit-token-metric" prerequisites).
 */
export function createDiagnostics(args: DiagnosticsArgs): Diagnostics {
    const logger = new azure.apimanagement.Logger("logger-appinsights", {
        loggerId: appInsightsLoggerId,
        resourceGroupName: args.resourceGroupName,
        serviceName: args.serviceName,
        loggerType: azure.apimanagement.LoggerType.ApplicationInsights,
        resourceId: args.appInsights.id,
        // Not a password, but it lets anyone write telemetry: keep it encrypted in state.
        credentials: { instrumentationKey: pulumi.secret(args.appInsights.instrumentationKey) },
        isBuffered: true,
    });
    const settings = {
        resourceGroupName: args.resourceGroupName,
        serviceName: args.serviceName,
        diagnosticId: "applicationinsights",
        loggerId: logger.id,
        alwaysLog: azure.apimanagement.AlwaysLog.AllErrors,
        httpCorrelationProtocol: azure.apimanagement.HttpCorrelationProtocol.W3C,
        verbosity: azure.apimanagement.Verbosity.Information,
        logClientIp: true,
        metrics: true,
        sampling: { samplingType: azure.apimanagement.SamplingType.Fixed, percentage: 100 },
        frontend: pipelineSettings,
        backend: pipelineSettings,
    };
    const serviceDiagnostic = new azure.apimanagement.Diagnostic("diagnostic-appinsights", settings);
    const apiDiagnostic = new azure.apimanagement.ApiDiagnostic("api-diagnostic-appinsights", { ...settings, apiId: args.apiName });
    return { logger, serviceDiagnostic, apiDiagnostic };
}
