namespace ApimAiGateway.Delivery.Live;

/// <summary>How a policy or fragment differs between the repository and the live instance.</summary>
public enum DriftKind
{
    MissingLive,
    MissingInRepository,
    Differs,
}
