using System.Text.Json;
using System.Xml;
using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Backends;

/// <summary>
/// Reads policies/backends.json, the file the Pulumi program deploys backends from:
/// <c>{ "backends": [ { "name", "properties": { "type", "url", "circuitBreaker", "pool" } } ] }</c> in the shape of
/// the ARM backend resource. A URL's <c>${account:&lt;region&gt;}</c> stands for the Azure OpenAI account of that
/// region; the harness puts the simulated region's host there.
/// </summary>
public static class BackendsFile
{
    /// <summary>The host a region's simulated Azure OpenAI answers on: what <c>${account:&lt;region&gt;}</c> becomes.</summary>
    public static string SimulatedAccount(string region) => "aoai-" + region;

    public static (IReadOnlyList<BackendDefinition> Backends, IReadOnlyList<Diagnostic> Diagnostics) Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ([], [BackendDiagnostics.FileUnreadable.At(SourceLocation.StartOf(path), e.Message)]);
        }
    }

    public static (IReadOnlyList<BackendDefinition> Backends, IReadOnlyList<Diagnostic> Diagnostics) Parse(string json, string file)
    {
        var diagnostics = new DiagnosticBag();
        var backends = new List<BackendDefinition>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var location = new SourceLocation(file, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
            return ([], [BackendDiagnostics.MalformedFile.At(location, e.Message)]);
        }

        using (document)
        {
            if (!document.RootElement.TryGetProperty("backends", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return ([], [BackendDiagnostics.MalformedFile.At(SourceLocation.StartOf(file), "expected an object with a 'backends' array")]);
            }

            var index = 0;
            foreach (var entry in list.EnumerateArray())
            {
                index++;
                var name = entry.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : $"#{index}";
                try
                {
                    backends.Add(Read(name, entry.GetProperty("properties")));
                }
                catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or UriFormatException)
                {
                    diagnostics.Add(BackendDiagnostics.InvalidBackend, SourceLocation.StartOf(file), name, e.Message);
                }
            }
        }

        return (backends, diagnostics.Items);
    }

    private static BackendDefinition Read(string name, JsonElement properties)
    {
        var kind = properties.TryGetProperty("type", out var type) && type.GetString() is "Pool" or "pool" ? BackendKind.Pool : BackendKind.Single;
        if (kind == BackendKind.Pool)
        {
            var members = properties.GetProperty("pool").GetProperty("services").EnumerateArray()
                .Select(s => new PoolMember(
                    s.GetProperty("id").GetString()!.Split('/').Last(),
                    s.TryGetProperty("priority", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : 0,
                    s.TryGetProperty("weight", out var w) && w.ValueKind == JsonValueKind.Number ? w.GetInt32() : 1))
                .ToList();
            return new BackendDefinition(name, BackendKind.Pool, null) { Members = members };
        }

        var url = properties.GetProperty("url").GetString() ?? throw new FormatException("'url' is required for a single backend");
        var region = AccountRegion(url);
        return new BackendDefinition(name, BackendKind.Single, new Uri(ResolveAccounts(url)))
        {
            CircuitBreaker = properties.TryGetProperty("circuitBreaker", out var breaker) ? ReadRule(breaker) : null,
            AzureRegion = region,
        };
    }

    private static CircuitBreakerRule? ReadRule(JsonElement breaker)
    {
        if (!breaker.TryGetProperty("rules", out var rules) || rules.GetArrayLength() == 0)
        {
            return null;
        }

        // APIM supports one rule per backend today (apim-reference §4.35).
        var rule = rules[0];
        var condition = rule.GetProperty("failureCondition");
        return new CircuitBreakerRule(
            rule.TryGetProperty("name", out var n) ? n.GetString() ?? "rule" : "rule",
            XmlConvert.ToTimeSpan(condition.GetProperty("interval").GetString()!),
            XmlConvert.ToTimeSpan(rule.GetProperty("tripDuration").GetString()!))
        {
            FailureCount = condition.TryGetProperty("count", out var count) ? count.GetInt32() : null,
            FailurePercentage = condition.TryGetProperty("percentage", out var percentage) ? percentage.GetInt32() : null,
            StatusCodeRanges = condition.TryGetProperty("statusCodeRanges", out var ranges)
                ? ranges.EnumerateArray().Select(r => (r.GetProperty("min").GetInt32(), r.GetProperty("max").GetInt32())).ToList()
                : [],
            ErrorReasons = condition.TryGetProperty("errorReasons", out var reasons) ? reasons.EnumerateArray().Select(r => r.GetString() ?? string.Empty).ToList() : [],
            AcceptRetryAfter = rule.TryGetProperty("acceptRetryAfter", out var accept) && accept.GetBoolean(),
        };
    }

    private static string? AccountRegion(string url)
    {
        var start = url.IndexOf("${account:", StringComparison.Ordinal);
        return start < 0 ? null : url[(start + 10)..url.IndexOf('}', start)];
    }

    private static string ResolveAccounts(string url) =>
        AccountRegion(url) is { } region ? url.Replace("${account:" + region + "}", SimulatedAccount(region), StringComparison.Ordinal) : url;
}
