namespace ApimAiGateway.Harness.Context.Runtime;

/// <summary>Defaults are APIM's default names ("Subscriptions in Azure API Management").</summary>
public sealed record SubscriptionKeyParameterNames : ISubscriptionKeyParameterNames
{
    public string Header { get; init; } = "Ocp-Apim-Subscription-Key";

    public string Query { get; init; } = "subscription-key";
}
