namespace ApimAiGateway.Policies.Tests;

/// <summary>
/// Who calls, as the Entra ID token says: the object id the gateway partitions limits, caches and spend by, and the
/// optional department and data-residency claims.
/// </summary>
public sealed record Caller(string ObjectId, string? Department = null, string? Residency = null)
{
    public static readonly Caller Alice = new("alice-oid");
    public static readonly Caller Bob = new("bob-oid");

    public override string ToString() => ObjectId;
}
