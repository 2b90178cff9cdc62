using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Services.Files;

/// <summary>One canned answer of a file-declared service: which calls it takes, how many, and what it answers.</summary>
/// <param name="Method">The HTTP method taken, upper case; null for any.</param>
/// <param name="Times">How many calls the rule answers before later rules take over; null for unlimited.</param>
/// <param name="Location">Where the rule is written, for reports about it.</param>
public sealed record CannedRule(string? Method, PathPattern Path, int? Times, ServiceOutcome Outcome, SourceLocation Location)
{
    public bool Takes(ServiceRequest request) =>
        (Method is null || string.Equals(Method, request.Method, StringComparison.OrdinalIgnoreCase))
        && Path.Matches(request.Uri.AbsolutePath);
}
