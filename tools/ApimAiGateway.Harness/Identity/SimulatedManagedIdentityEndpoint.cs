using ApimAiGateway.Harness.Services;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Identity;

/// <summary>
/// The Azure instance metadata identity endpoint (<c>GET /metadata/identity/oauth2/token?resource=...&amp;client_id=...</c>)
/// on the simulated network: answers with a token <see cref="SimulatedEntraId"/> signs for the requested resource,
/// or 400 "Identity not found" for a client id the gateway has no identity for.
/// </summary>
public sealed class SimulatedManagedIdentityEndpoint(SimulatedEntraId entraId) : IServiceHandler
{
    public ValueTask<ServiceOutcome> HandleAsync(ServiceRequest request, ServiceCallContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ServiceOutcome>(Answer(request));

    private ServiceResponse Answer(ServiceRequest request)
    {
        if (request.Uri.AbsolutePath != ManagedIdentityTokens.TokenPath)
        {
            return ServiceResponse.Status(404);
        }

        var query = System.Web.HttpUtility.ParseQueryString(request.Uri.Query);
        var resource = query["resource"];
        var clientId = query["client_id"];
        if (string.IsNullOrEmpty(resource))
        {
            return Error("invalid_request", "Required query variable 'resource' is missing");
        }

        if (!entraId.HasIdentity(clientId))
        {
            return Error("invalid_request", "Identity not found");
        }

        var expiresOn = entraId.Clock.GetUtcNow() + SimulatedEntraId.ManagedIdentityTokenLifetime;
        return ServiceResponse.Json(new JObject
        {
            ["access_token"] = entraId.IssueManagedIdentityToken(resource, clientId),
            ["client_id"] = clientId ?? SimulatedEntraId.SystemAssignedClientId,
            ["expires_in"] = ((long)SimulatedEntraId.ManagedIdentityTokenLifetime.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["expires_on"] = expiresOn.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["resource"] = resource,
            ["token_type"] = "Bearer",
        });
    }

    private static ServiceResponse Error(string error, string description) =>
        ServiceResponse.Json(new JObject { ["error"] = error, ["error_description"] = description }, 400);
}
