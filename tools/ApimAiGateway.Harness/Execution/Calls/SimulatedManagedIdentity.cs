using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Execution.Calls;

/// <summary>
/// Stands in for Microsoft Entra ID when a policy asks for a managed identity token: a JWT-shaped string whose
/// claims name the resource (audience) and the identity, the same for the same inputs so tests can compare it.
/// It is not signed by anyone; the real authentication-managed-identity policy replaces this type later.
/// </summary>
public static class SimulatedManagedIdentity
{
    /// <summary>What the gateway's system-assigned identity is called when no client-id is given.</summary>
    public const string SystemAssigned = "system-assigned";

    public static string TokenFor(string resource, string? clientId)
    {
        var header = new JObject { ["alg"] = "none", ["typ"] = "JWT" };
        var payload = new JObject
        {
            ["aud"] = resource,
            ["iss"] = "https://sts.windows.net/simulated-tenant/",
            ["appid"] = clientId ?? SystemAssigned,
            ["idtyp"] = "app",
        };
        var unsigned = Encode(header) + "." + Encode(payload);
        // A fixed-length third segment keeps the token's shape; a hash makes it differ with the claims.
        return unsigned + "." + Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(unsigned)));
    }

    private static string Encode(JObject part) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(part.ToString(Newtonsoft.Json.Formatting.None)));
}
