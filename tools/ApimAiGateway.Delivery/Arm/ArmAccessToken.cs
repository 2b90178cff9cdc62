using Azure.Core;

namespace ApimAiGateway.Delivery.Arm;

/// <summary>
/// The bearer token for ARM, from any <see cref="TokenCredential"/> (DefaultAzureCredential in the CLI), cached until
/// shortly before it expires. The token is sent only to the configured endpoint and is never written anywhere.
/// </summary>
internal sealed class ArmAccessToken(TokenCredential credential, Uri endpoint)
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly TokenRequestContext _context = new([new Uri(endpoint, "/.default").AbsoluteUri]);
    private AccessToken? _current;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is not { } token || token.ExpiresOn - RefreshMargin <= DateTimeOffset.UtcNow)
        {
            try
            {
                token = await credential.GetTokenAsync(_context, cancellationToken);
            }
            catch (Exception e) when (e is Azure.Identity.AuthenticationFailedException or Azure.Identity.CredentialUnavailableException or Azure.RequestFailedException)
            {
                throw new ArmRequestException($"could not sign in to Azure: {e.Message.ReplaceLineEndings(" ")}");
            }

            _current = token;
        }

        return token.Token;
    }
}
