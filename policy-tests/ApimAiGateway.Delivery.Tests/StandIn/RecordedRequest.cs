namespace ApimAiGateway.Delivery.Tests.StandIn;

/// <summary>One request the ARM stand-in received; <see cref="Path"/> is relative to the service when below it.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, string Body, string? IfMatch, string? Authorization)
{
    public override string ToString() => $"{Method} {Path}";
}
