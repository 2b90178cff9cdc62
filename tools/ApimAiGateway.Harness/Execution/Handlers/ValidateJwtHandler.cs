using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Identity;
using ApimAiGateway.Harness.Reading;
using Microsoft.IdentityModel.Tokens;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// validate-jwt (apim-reference §4.26): refuses the request unless it carries a JWT with a valid signature (keys
/// inline, by modulus and exponent, or from OpenID configurations), lifetime (with clock-skew, on the gateway's
/// clock), audience, issuer and required claims. A refusal fails with the configured status (401) and APIM's reason
/// and message (§5.3); an accepted token can be kept in a variable as a <c>Jwt</c>.
/// </summary>
public sealed class ValidateJwtHandler : IPolicyHandler
{
    public string PolicyName => "validate-jwt";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => new Step(
        BoundTokenPolicy.Bind(element, binder),
        binder.Attribute(element, "require-expiration-time", true),
        binder.Attribute(element, "require-signed-tokens", true),
        binder.Attribute(element, "clock-skew", 0),
        BoundTokenPolicy.Texts(element, "issuers", "issuer", binder),
        BoundKey.BindAll(element, "issuer-signing-keys", binder),
        BoundKey.BindAll(element, "decryption-keys", binder),
        [.. element.ElementsNamed("openid-config").Select(e => binder.Attribute(e, "url", string.Empty))]);

    private sealed class Step(
        BoundTokenPolicy policy,
        BoundValue<bool> requireExpirationTime,
        BoundValue<bool> requireSignedTokens,
        BoundValue<int> clockSkewSeconds,
        IReadOnlyList<BoundValue<string?>> issuers,
        IReadOnlyList<BoundKey> signingKeys,
        IReadOnlyList<BoundKey> decryptionKeys,
        IReadOnlyList<BoundValue<string>> openIdConfigurations) : IPolicyStep
    {
        public async ValueTask ExecuteAsync(PolicyExecutionContext context) =>
            await policy.RunAsync(context, token => RulesAsync(context, token));

        private async ValueTask<JwtValidationRules> RulesAsync(PolicyExecutionContext context, string token)
        {
            var keys = new List<SecurityKey>(BoundKey.ResolveAll(signingKeys, context));
            var validIssuers = new List<string>(BoundTokenPolicy.Evaluate(issuers, context));
            var keyId = JwtValidator.KeyIdOf(token);
            foreach (var url in openIdConfigurations.Select(u => u.Evaluate(context)))
            {
                // The provider's issuer and keys are trusted alongside those written in the policy.
                if (await GatewayIdentityState.Of(context.Services).OpenIdMetadata.GetAsync(context, "validate-jwt", url, keyId) is { } metadata)
                {
                    keys.AddRange(metadata.SigningKeys);
                    if (metadata.Issuer is { Length: > 0 } issuer)
                    {
                        validIssuers.Add(issuer);
                    }
                }
            }

            return new JwtValidationRules
            {
                RequireExpirationTime = requireExpirationTime.Evaluate(context),
                RequireSignedTokens = requireSignedTokens.Evaluate(context),
                ClockSkew = TimeSpan.FromSeconds(clockSkewSeconds.Evaluate(context)),
                Audiences = policy.Audiences(context),
                Issuers = validIssuers,
                SigningKeys = keys,
                DecryptionKeys = BoundKey.ResolveAll(decryptionKeys, context),
                RequiredClaims = policy.RequiredClaims(context),
            };
        }
    }
}
