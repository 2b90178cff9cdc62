using ApimAiGateway.Harness.Execution;
using ApimAiGateway.Harness.Gateway;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Scenarios.Reporting;

/// <summary>The gateway's answer to one request as people read it (text) and as tools read it (JSON).</summary>
public static class GatewayResultFormatter
{
    /// <summary><c>{status, headers, body, variables, trace, backendCalls}</c>; a JSON body stays JSON, any other is a string.</summary>
    public static JObject ToJson(GatewayResult result) => new()
    {
        ["status"] = result.StatusCode,
        ["headers"] = new JObject(result.Headers.Select(h => new JProperty(h.Key, new JArray(h.Value)))),
        ["body"] = result.BodyJson ?? new JValue(result.BodyText),
        ["variables"] = new JObject(result.Variables.Select(v => new JProperty(v.Key, Json(v.Value)))),
        ["trace"] = new JArray(result.Trace.Select(TraceJson)),
        ["backendCalls"] = new JArray(result.BackendCalls.Select(CallJson)),
        ["harnessError"] = result.HarnessError,
    };

    public static void WriteText(TextWriter writer, GatewayResult result)
    {
        writer.WriteLine(result.ToString());
        foreach (var (name, values) in result.Headers)
        {
            writer.WriteLine($"{name}: {string.Join(",", values)}");
        }

        writer.WriteLine();
        writer.WriteLine(result.BodyJson?.ToString(Formatting.Indented) ?? result.BodyText);
        WriteSection(writer, "variables", result.Variables.Select(v => $"{v.Key} = {Json(v.Value).ToString(Formatting.None)}"));
        WriteSection(writer, "backend calls", result.BackendCalls.Select(c => $"{c.Request} -> {Outcome(c)}"));
        WriteTrace(writer, result.Trace, "");
        if (result.HarnessError is { } error)
        {
            writer.WriteLine($"harness error: {error}");
        }
    }

    public static void WriteTrace(TextWriter writer, IReadOnlyList<ExecutionTraceEntry> trace, string indent) =>
        WriteSection(writer, indent + "trace", trace.Select(t => $"{t.Section} {t.Policy}: {t.Message} ({t.Location})"), indent);

    internal static JToken Json(object value)
    {
        if (value is JToken token)
        {
            return token;
        }

        try
        {
            return new JValue(value);
        }
        catch (ArgumentException)
        {
            return new JValue(value.ToString());
        }
    }

    private static void WriteSection(TextWriter writer, string title, IEnumerable<string> lines, string indent = "")
    {
        var items = lines.ToList();
        if (items.Count == 0)
        {
            return;
        }

        writer.WriteLine($"{title}:");
        foreach (var line in items)
        {
            writer.WriteLine($"{indent}  {line}");
        }
    }

    private static string Outcome(OutboundCall call) =>
        call.Outcome.IsResponse ? call.Outcome.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : call.Outcome.ErrorReason ?? call.Outcome.Kind.ToString();

    private static JObject TraceJson(ExecutionTraceEntry entry) => new()
    {
        ["section"] = entry.Section,
        ["policy"] = entry.Policy,
        ["message"] = entry.Message,
        ["file"] = entry.Location.File,
        ["line"] = entry.Location.Line,
        ["column"] = entry.Location.Column,
    };

    private static JObject CallJson(OutboundCall call) => new()
    {
        ["method"] = call.Request.Method,
        ["url"] = call.Request.Uri.ToString(),
        ["outcome"] = Outcome(call),
    };
}
