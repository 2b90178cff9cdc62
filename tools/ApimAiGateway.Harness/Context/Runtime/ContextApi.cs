namespace ApimAiGateway.Harness.Context.Runtime;

/// <summary>The current API with its revision; a new API starts at revision 1, the current one.</summary>
public sealed record ContextApi : IContextApi
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public string Path { get; init; } = "";

    public IEnumerable<string> Protocols { get; init; } = ["https"];

    public IUrl? ServiceUrl { get; init; }

    public ISubscriptionKeyParameterNames SubscriptionKeyParameterNames { get; init; } = new SubscriptionKeyParameterNames();

    public bool IsCurrentRevision { get; init; } = true;

    public string Revision { get; init; } = "1";

    public string Version { get; init; } = "";
}
