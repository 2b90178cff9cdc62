using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Identity;
using ApimAiGateway.Harness.NamedValues;
using ApimAiGateway.Harness.Services;

namespace ApimAiGateway.Fragments.Tests;

/// <summary>
/// A gateway as an API team composes it: caller-identity first in inbound, error-response in on-error, the
/// repository's named values, Entra ID on the simulated network, and a backend that answers with details the caller
/// must never see.
/// </summary>
internal sealed class IdentityGateway
{
    public const string BackendHost = "aoai.backend.test";
    public const string BackendSecret = "backend-internal-deployment-gpt4o-eastus";
    public const string ClientApp = "44444444-4444-4444-4444-444444444444";
    public const string RequiredRole = "AIGateway.Invoke";

    private IdentityGateway(SimulatedGateway gateway, SimulatedEntraId entra, NamedValueSet namedValues)
    {
        Gateway = gateway;
        Entra = entra;
        Tenant = Value(namedValues, "entra-tenant-id");
        Audience = Value(namedValues, "caller-identity-audience");
        ClientId = Value(namedValues, "caller-identity-client-id");
    }

    public SimulatedGateway Gateway { get; }

    public SimulatedEntraId Entra { get; }

    public string Tenant { get; }

    public string Audience { get; }

    public string ClientId { get; }

    /// <summary>
    /// Builds the gateway; <paramref name="inbound"/> runs after caller-identity, <paramref name="backend"/> replaces
    /// forward-request. The test's own variable <c>request-id</c> is set first so refused calls have it too.
    /// </summary>
    public static IdentityGateway Build(string inbound = "", string backend = "<forward-request />", string outbound = "",
        Func<ServiceRequest, ServiceResponse>? service = null)
    {
        var namedValues = NamedValueSet.Load(Path.Combine(FragmentFixture.RepositoryRoot, "policies", "named-values.json"));
        Assert.False(namedValues.HasErrors, string.Join("\n", namedValues.Diagnostics));
        var builder = FragmentFixture.Gateway(
                ["caller-identity", "error-response"],
                inbound: "<set-variable name=\"request-id\" value=\"@(context.RequestId.ToString())\" /><include-fragment fragment-id=\"caller-identity\" />" + inbound,
                backend: backend,
                outbound: outbound,
                onError: "<include-fragment fragment-id=\"error-response\" />")
            .WithApi("openai", "openai", $"https://{BackendHost}/openai", subscriptionRequired: false)
            .WithNamedValues(namedValues.Set)
            .WithService(BackendHost, service ?? (_ => ServiceResponse.Json("""{"choices":[]}""")));
        var entra = new SimulatedEntraId(builder.Clock);
        entra.MapOn(builder.Network);
        return new IdentityGateway(builder.Build(), entra, namedValues.Set);
    }

    /// <summary>A v2.0 token of the configured tenant for the gateway's audience, holding the required role.</summary>
    public string Token(IReadOnlyDictionary<string, object>? claims = null, string? tenant = null, string? audience = null, bool version1 = false) =>
        Entra.IssueToken(audience ?? Audience, ClientApp, tenant ?? Tenant, version1: version1,
            claims: claims ?? new Dictionary<string, object> { ["roles"] = new[] { RequiredRole }, ["oid"] = "caller-oid-1" });

    public Task<GatewayResult> Send(string? token) =>
        Gateway.SendAsync(token is null
            ? GatewayCall.PostJson("/openai/chat", """{"messages":[]}""")
            : GatewayCall.PostJson("/openai/chat", """{"messages":[]}""").WithHeader("Authorization", "Bearer " + token));

    private static string Value(NamedValueSet namedValues, string name) =>
        namedValues.TryGet(name, out var value) ? value.Value : throw new InvalidOperationException($"Named value '{name}' is not declared.");

    /// <summary>The one JSON error shape, with this request's id and nothing else.</summary>
    public static void AssertError(GatewayResult result, int status, string code, string message)
    {
        Assert.Equal(status, result.StatusCode);
        Assert.StartsWith("application/json", result.Header("Content-Type"));
        var error = Assert.IsType<Newtonsoft.Json.Linq.JObject>(result.BodyJson);
        Assert.Equal(["error"], error.Properties().Select(p => p.Name));
        Assert.Equal(code, (string?)error["error"]!["code"]);
        Assert.Equal(message, (string?)error["error"]!["message"]);
        Assert.Equal((string)result.Variables["request-id"], (string?)error["error"]!["requestId"]);
        Assert.Equal(3, ((Newtonsoft.Json.Linq.JObject)error["error"]!).Count);
    }
}
