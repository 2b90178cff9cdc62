using System.Globalization;
using ApimAiGateway.Harness.Gateway;

namespace ApimAiGateway.Hosting.Logging;

/// <summary>
/// One line per request, from what the gateway answered: status, who called (the JWT's caller-id variable, else the
/// subscription whose key was presented), tokens the answer reports, the x-cost headers, X-Cache, the region
/// (<c>x-ms-region</c>) and the time the gateway took. A dash marks what the answer does not say. The query string is
/// left out: a subscription key may travel in it.
/// </summary>
public sealed record RequestLogLine(string Method, string Path, int Status, string? Caller, int? Tokens, string? Cost, string? Cache, string? Region, TimeSpan Elapsed)
{
    /// <summary>The variable the caller-identity fragment names the validated caller in.</summary>
    public const string CallerVariable = "caller-id";

    public static RequestLogLine From(string method, string path, GatewayResult result, string? subscription, TimeSpan elapsed)
    {
        var caller = result.Variables.GetValueOrDefault(CallerVariable) is string { Length: > 0 } id ? id : subscription;
        var cost = result.Header("x-cost") is { } amount ? $"{amount}{(result.Header("x-cost-currency") is { } currency ? " " + currency : string.Empty)}" : null;
        return new RequestLogLine(method, path, result.StatusCode, caller, ResponseUsage.TotalTokens(result), cost, result.Header("X-Cache"),
            result.Header("x-ms-region"), elapsed);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Status} {Method} {Path} caller={Caller ?? "-"} tokens={(Tokens is { } tokens ? tokens.ToString(CultureInfo.InvariantCulture) : "-")} cost={Quoted(Cost)} cache={Cache ?? "-"} region={Quoted(Region)} {Elapsed.TotalMilliseconds:0.0} ms");

    private static string Quoted(string? value) => value is null ? "-" : value.Contains(' ') ? $"\"{value}\"" : value;
}
