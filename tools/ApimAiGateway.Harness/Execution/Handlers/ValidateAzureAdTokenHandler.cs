using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Identity;
using ApimAiGateway.Harness.Reading;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// validate-azure-ad-token (apim-reference §4.27): validate-jwt preset for a Microsoft Entra tenant. Keys come from
/// the tenant's v2.0 OpenID configuration on login.microsoftonline.com (served by <see cref="SimulatedEntraId"/>),
/// the issuer must be the tenant's v2.0 or v1 issuer, the token's client application (<c>azp</c>, or <c>appid</c> in
/// v1 tokens) must be one of client-application-ids, and the audience one of audiences or backend-application-ids.
/// Failures carry validate-jwt's reasons and messages (§5.3) with this policy as their source.
/// </summary>
public sealed class ValidateAzureAdTokenHandler : IPolicyHandler
{
    public string PolicyName => "validate-azure-ad-token";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => new Step(
        BoundTokenPolicy.Bind(element, binder, defaultHeader: "Authorization"),
        binder.Attribute(element, "tenant-id", string.Empty),
        BoundTokenPolicy.Texts(element, "client-application-ids", "application-id", binder),
        BoundTokenPolicy.Texts(element, "backend-application-ids", "application-id", binder));

    private sealed class Step(
        BoundTokenPolicy policy,
        BoundValue<string> tenantId,
        IReadOnlyList<BoundValue<string?>> clientApplicationIds,
        IReadOnlyList<BoundValue<string?>> backendApplicationIds) : IPolicyStep
    {
        public async ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var clients = BoundTokenPolicy.Evaluate(clientApplicationIds, context);
            await policy.RunAsync(context, token => RulesAsync(context, token), token => CheckClient(token, clients));
        }

        private async ValueTask<JwtValidationRules> RulesAsync(PolicyExecutionContext context, string token)
        {
            var tenant = tenantId.Evaluate(context).Trim();
            var url = SimulatedEntraId.ConfigurationUrl(tenant).AbsoluteUri;
            var metadata = await GatewayIdentityState.Of(context.Services).OpenIdMetadata.GetAsync(context, "validate-azure-ad-token", url, JwtValidator.KeyIdOf(token));

            // A backend application accepts tokens issued for it by its app id or its default app ID URI.
            var backends = BoundTokenPolicy.Evaluate(backendApplicationIds, context);
            return new JwtValidationRules
            {
                Audiences = [.. policy.Audiences(context), .. backends, .. backends.Select(id => "api://" + id)],
                Issuers = [SimulatedEntraId.IssuerV2(tenant), SimulatedEntraId.IssuerV1(tenant)],
                SigningKeys = metadata?.SigningKeys ?? [],
                RequiredClaims = policy.RequiredClaims(context),
            };
        }

        private static JwtValidationFailure? CheckClient(JsonWebToken token, IReadOnlyList<string> clients)
        {
            if (clients.Count == 0)
            {
                return null;
            }

            var claim = token.TryGetClaim("azp", out var azp) ? azp : token.TryGetClaim("appid", out var appId) ? appId : null;
            return claim is null
                ? JwtValidationFailure.ClaimsMissing(["azp"])
                : clients.Contains(claim.Value, StringComparer.OrdinalIgnoreCase) ? null : JwtValidationFailure.ClaimValueNotAllowed(claim.Type, claim.Value);
        }
    }
}
