using System.Text.Json;
using System.Text.Json.Nodes;

namespace ApimAiGateway.Delivery.Planning;

/// <summary>
/// The Azure OpenAI account of each region, as the Pulumi program exports them (<c>openAiEndpoints</c>, a map of
/// region to endpoint URL, in <c>pulumi stack output --json</c>): what a backend URL's <c>${account:&lt;region&gt;}</c>
/// stands for.
/// </summary>
public sealed class AccountEndpoints
{
    private readonly Dictionary<string, string> _subdomains;

    private AccountEndpoints(Dictionary<string, string> subdomains) => _subdomains = subdomains;

    public static AccountEndpoints None { get; } = new(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

    public bool TryGetSubdomain(string region, out string subdomain) => _subdomains.TryGetValue(region, out subdomain!);

    /// <returns>The accounts, or null with <paramref name="problem"/> saying what is wrong with the file.</returns>
    public static AccountEndpoints? Load(string file, out string? problem)
    {
        problem = null;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or ArgumentException)
        {
            problem = $"{file}: {e.Message}";
            return null;
        }

        if (root?["openAiEndpoints"] is not JsonObject endpoints)
        {
            problem = $"{file}: no 'openAiEndpoints' object (expected the output of 'pulumi stack output --json')";
            return null;
        }

        var subdomains = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (region, value) in endpoints)
        {
            if (value is not JsonValue text || !text.TryGetValue<string>(out var url) || !Uri.TryCreate(url, UriKind.Absolute, out var endpoint)
                || endpoint.Scheme != Uri.UriSchemeHttps || !Arm.ArmName.IsSafe(endpoint.Host.Split('.')[0]))
            {
                problem = $"{file}: openAiEndpoints.{region} is not an https endpoint URL";
                return null;
            }

            subdomains[region] = endpoint.Host.Split('.')[0];
        }

        return new AccountEndpoints(subdomains);
    }
}
