using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Identity;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// authentication-managed-identity (apim-reference §4.28): gets a token of the gateway's managed identity (system
/// assigned, or the user-assigned one named by client-id) for <c>resource</c> and sends it to the backend as
/// <c>Authorization: Bearer</c>, or stores it in output-token-variable-name instead. Without a token the request
/// fails, unless ignore-error lets it go on without one.
/// </summary>
public sealed class AuthenticationManagedIdentityHandler : IPolicyHandler
{
    public string PolicyName => "authentication-managed-identity";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => new Step(
        binder.Attribute(element, "resource", string.Empty),
        element.Attribute("client-id")?.Value.Text.Text,
        element.Attribute("output-token-variable-name")?.Value.Text.Text,
        binder.Attribute(element, "ignore-error", false));

    private sealed class Step(BoundValue<string> resource, string? clientId, string? outputVariable, BoundValue<bool> ignoreError) : IPolicyStep
    {
        public async ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var target = resource.Evaluate(context);
            var result = await ManagedIdentityTokens.AcquireAsync(context, "authentication-managed-identity", target, clientId);
            if (!result.Succeeded)
            {
                if (!ignoreError.Evaluate(context))
                {
                    throw new PolicyException("authentication-managed-identity", null, result.Error);
                }

                context.Note($"{result.Error}; ignore-error lets the request go on without a token");
                return;
            }

            if (outputVariable is not null)
            {
                context.Expression.Variables.Set(outputVariable, result.Token.AccessToken);
                context.Note($"token for '{target}' stored in variable '{outputVariable}'");
            }
            else
            {
                context.Request.Headers.Set("Authorization", "Bearer " + result.Token.AccessToken);
                context.Note($"Authorization: Bearer token for '{target}'");
            }
        }
    }
}
