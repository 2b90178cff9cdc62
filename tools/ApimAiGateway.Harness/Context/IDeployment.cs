using System.Security.Cryptography.X509Certificates;

namespace ApimAiGateway.Harness.Context;

/// <summary><c>context.Deployment</c>: the service and gateway handling the request.</summary>
public interface IDeployment
{
    IGateway Gateway { get; }

    /// <summary>"managed" for the managed gateway.</summary>
    string GatewayId { get; }

    string Region { get; }

    string ServiceId { get; }

    string ServiceName { get; }

    ISustainabilityInfo SustainabilityInfo { get; }

    /// <summary>Certificates of the service, keyed by thumbprint.</summary>
    IReadOnlyDictionary<string, X509Certificate2> Certificates { get; }
}
