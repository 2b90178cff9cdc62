using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Services.Files;

/// <summary>A service declared in a services file: where it listens and its canned rules, in order.</summary>
public sealed record ServiceDefinition(string Name, Uri BaseUrl, IReadOnlyList<CannedRule> Rules, SourceLocation Location)
{
    public ServiceRoute Route => ServiceRoute.ForBaseUrl(Name, BaseUrl);

    /// <summary>A handler with fresh <c>times</c> counts; give each registry its own.</summary>
    public CannedRuleHandler CreateHandler() => new(Name, Rules);
}
