using ApimAiGateway.Harness.Context.Runtime;
using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Calls;

/// <summary>
/// The <c>authentication-managed-identity</c> child of send-request (apim-reference §4.28): a token for the resource
/// from the gateway's managed identity (the same source as the policy of that name), sent as
/// <c>Authorization: Bearer</c>; with output-token-variable-name the token goes to that variable instead, the
/// documented pattern for setting the header yourself.
/// </summary>
internal sealed class ManagedIdentityAuthentication(BoundValue<string> resource, string? clientId, string? outputVariable)
{
    public static ManagedIdentityAuthentication Bind(PolicyElement element, PolicyBinder binder) => new(
        binder.Attribute(element, "resource", string.Empty),
        element.Attribute("client-id")?.Value.Text.Text.Trim(),
        element.Attribute("output-token-variable-name")?.Value.Text.Text.Trim());

    public async ValueTask ApplyAsync(GatewayRequest request, PolicyExecutionContext context, string policy)
    {
        var audience = resource.Evaluate(context);
        var acquired = await Identity.ManagedIdentityTokens.AcquireAsync(context, policy, audience, clientId);
        var token = acquired.Token?.AccessToken
            ?? throw new PolicyException(policy, null, $"No managed identity token for '{audience}': {acquired.Error}");
        if (outputVariable is not null)
        {
            context.Expression.Variables.Set(outputVariable, token);
            context.Note($"managed identity token for '{audience}' stored in variable '{outputVariable}'");
        }
        else
        {
            request.Headers.Set("Authorization", "Bearer " + token);
            context.Note($"managed identity token for '{audience}' sent as Authorization");
        }
    }
}
