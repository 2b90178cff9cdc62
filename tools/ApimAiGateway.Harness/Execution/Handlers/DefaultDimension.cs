namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// The dimensions the gateway fills in when a metric policy names them without a value (emit-metric-policy):
/// API ID, Operation ID, Product ID, User ID, Subscription ID, Location and Gateway ID. Names compare
/// case-insensitively. What APIM reports for a default dimension it has no value for (no product, an anonymous
/// caller) is undocumented; the harness reports an empty string, as it does for a dimension that is not a default.
/// </summary>
internal static class DefaultDimension
{
    public static string Value(string dimension, PolicyExecutionContext context)
    {
        var expression = context.Expression;
        return dimension.Trim().ToUpperInvariant() switch
        {
            "API ID" => expression.Api.Id,
            "OPERATION ID" => expression.Operation.Id,
            "PRODUCT ID" => expression.Product?.Id,
            "USER ID" => expression.User?.Id,
            "SUBSCRIPTION ID" => expression.Subscription?.Id,
            "LOCATION" => expression.Deployment.Region,
            "GATEWAY ID" => expression.Deployment.GatewayId,
            _ => null,
        } ?? string.Empty;
    }
}
