using System.Text;
using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Gateway.Loading;
using ApimAiGateway.Harness.Scenarios.Requests;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using YamlDotNet.RepresentationModel;

namespace ApimAiGateway.Harness.Scenarios.Loading;

/// <summary>Reads a request (method, url, headers, body, subscription, ip; a request file also product and user).</summary>
internal sealed class RequestReader(YamlReader reader)
{
    public static readonly string[] StepKeys = ["method", "url", "headers", "body", "subscription", "ip"];
    public static readonly string[] FileKeys = [.. StepKeys, "product", "user"];
    private static readonly string[] UserKeys = ["id", "email", "firstName", "lastName", "groups"];

    public RequestDefinition? Read(YamlNode node, string what, string[] keys)
    {
        if (reader.Map(node, what, keys, "url") is not { } map || reader.Text(map["url"], "'url'") is not { } url)
        {
            return null;
        }

        var call = new GatewayCall(map.TryGetValue("method", out var method) ? reader.Text(method, "'method'")?.ToUpperInvariant() ?? "GET" : "GET", url);
        if (map.TryGetValue("headers", out var headers))
        {
            call = call with { Headers = ReadHeaders(headers) };
        }

        if (map.TryGetValue("body", out var body))
        {
            call = WithBody(call, body);
        }

        if (map.TryGetValue("ip", out var ip) && reader.Text(ip, "'ip'") is { } address)
        {
            call = call with { IpAddress = address };
        }

        return new RequestDefinition(call)
        {
            Subscription = reader.Text(map, "subscription", "'subscription'"),
            Product = reader.Text(map, "product", "'product'"),
            User = map.TryGetValue("user", out var user) ? ReadUser(user) : null,
            Location = reader.Locate(node),
        };
    }

    public UserDefinition? ReadUser(YamlNode node)
    {
        if (node is YamlScalarNode)
        {
            return reader.Text(node, "'user'") is { } id ? new UserDefinition(id, $"{id}@example.com") : null;
        }

        if (reader.Map(node, "'user'", UserKeys, "id") is not { } map || reader.Text(map["id"], "'id'") is not { } userId)
        {
            return null;
        }

        return new UserDefinition(userId, reader.Text(map, "email", "'email'") ?? $"{userId}@example.com")
        {
            FirstName = reader.Text(map, "firstName", "'firstName'") ?? string.Empty,
            LastName = reader.Text(map, "lastName", "'lastName'") ?? string.Empty,
            Groups = map.TryGetValue("groups", out var groups) ? reader.Texts(groups, "'groups'") ?? [] : [],
        };
    }

    private List<KeyValuePair<string, string>> ReadHeaders(YamlNode node)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, _, value) in reader.Named(node, "'headers'") ?? [])
        {
            foreach (var text in (value is YamlSequenceNode ? reader.List(value, $"header '{name}'") ?? [] : [value]).Select(ScalarText))
            {
                if (text is null)
                {
                    reader.Report(Diagnostics.ScenarioDiagnostics.WrongShape, value, $"Header '{name}'", "a value or a list of values");
                    break;
                }

                headers.Add(KeyValuePair.Create(name, text));
            }
        }

        return headers;
    }

    /// <summary>A string is sent as written; a map or list as JSON, with Content-Type application/json unless a header sets one.</summary>
    private static GatewayCall WithBody(GatewayCall call, YamlNode body)
    {
        var json = YamlReader.Json(body);
        var (text, contentType) = json is JValue { Type: JTokenType.String } value
            ? ((string)value!, "text/plain; charset=utf-8")
            : (json.ToString(Formatting.None), "application/json");
        var hasContentType = call.Headers.Any(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase));
        return call with { Body = Encoding.UTF8.GetBytes(text), ContentType = hasContentType ? null : contentType };
    }

    private static string? ScalarText(YamlNode node) => (node as YamlScalarNode)?.Value;
}
