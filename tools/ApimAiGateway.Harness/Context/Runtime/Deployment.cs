using System.Security.Cryptography.X509Certificates;

namespace ApimAiGateway.Harness.Context.Runtime;

/// <summary>Defaults describe the managed gateway, whose ids the docs give as "managed".</summary>
public sealed record Deployment : IDeployment
{
    public IGateway Gateway { get; init; } = new Gateway();

    public string GatewayId { get; init; } = "managed";

    public string Region { get; init; } = "";

    public string ServiceId { get; init; } = "";

    public string ServiceName { get; init; } = "";

    public ISustainabilityInfo SustainabilityInfo { get; init; } = new SustainabilityInfo();

    public IReadOnlyDictionary<string, X509Certificate2> Certificates { get; init; } =
        new Dictionary<string, X509Certificate2>(StringComparer.OrdinalIgnoreCase);
}
