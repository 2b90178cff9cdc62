using Azure.Core;

namespace ApimAiGateway.Delivery.Tests.StandIn;

/// <summary>A credential that hands out a fixed token, so tests never sign in to Azure.</summary>
public sealed class FakeCredential : TokenCredential
{
    public const string Token = "stand-in-token-0123456789";

    public List<string> RequestedScopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        RequestedScopes.AddRange(requestContext.Scopes);
        return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
