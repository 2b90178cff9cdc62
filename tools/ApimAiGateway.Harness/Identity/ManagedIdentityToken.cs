namespace ApimAiGateway.Harness.Identity;

/// <summary>An access token of the gateway's managed identity for one resource, and when it expires.</summary>
public sealed record ManagedIdentityToken(string AccessToken, DateTimeOffset ExpiresOn);
