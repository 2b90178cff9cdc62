using System.Security.Cryptography.X509Certificates;
using ApimAiGateway.Harness.Context.Runtime;
using DotLiquid;

namespace ApimAiGateway.Harness.Templates;

/// <summary>
/// The <c>context</c> object a set-body template sees, with exactly the members "set-body policy" lists (a much
/// smaller model than policy expressions get: no Variables, no Api, no User). Built as plain hashes so that member
/// names do not depend on DotLiquid's naming convention.
/// </summary>
internal static class LiquidContextModel
{
    public static Hash Build(ExpressionContext context, string? originalMethod)
    {
        var request = context.Request;
        var response = context.Response;
        return Of(new Dictionary<string, object?>
        {
            ["Request"] = Of(new Dictionary<string, object?>
            {
                ["Url"] = UrlOf(request.Url),
                ["Method"] = request.Method,
                ["OriginalMethod"] = originalMethod ?? request.Method,
                ["OriginalUrl"] = UrlOf(request.OriginalUrl),
                ["IpAddress"] = request.IpAddress,
                ["MatchedParameters"] = Of(request.MatchedParameters.ToDictionary(p => p.Key, p => (object?)p.Value)),
                ["HasBody"] = request.Body is { Content.Length: > 0 },
                ["ClientCertificates"] = request.Certificate is { } certificate ? new List<object> { CertificateOf(certificate) } : new List<object>(),
                ["Headers"] = new LiquidHeaders(request.Headers),
            }),
            ["Response"] = Of(new Dictionary<string, object?>
            {
                ["StatusCode"] = response.StatusCode,
                // The response answers the request's method; the docs list the member without saying more.
                ["Method"] = request.Method,
                ["Headers"] = new LiquidHeaders(response.Headers),
            }),
        });
    }

    private static Hash UrlOf(Url url) => Of(new Dictionary<string, object?>
    {
        ["Scheme"] = url.Scheme,
        ["Host"] = url.Host,
        ["Port"] = url.Port,
        ["Path"] = url.Path,
        ["Query"] = Of(url.Query.ToDictionary(p => p.Key, p => (object?)string.Join(',', p.Value))),
        ["QueryString"] = url.QueryString,
        ["ToUri"] = url.ToString(),
        ["ToString"] = url.ToString(),
    });

    private static Hash CertificateOf(X509Certificate2 certificate) => Of(new Dictionary<string, object?>
    {
        ["Subject"] = certificate.Subject,
        ["Issuer"] = certificate.Issuer,
        ["Thumbprint"] = certificate.Thumbprint,
        ["SerialNumber"] = certificate.SerialNumber,
        ["NotBefore"] = certificate.NotBefore,
        ["NotAfter"] = certificate.NotAfter,
    });

    private static Hash Of(IEnumerable<KeyValuePair<string, object?>> members)
    {
        var hash = new Hash();
        foreach (var (name, value) in members)
        {
            hash[name] = value;
        }

        return hash;
    }
}
