using System.Net;
using System.Text;

namespace ApimAiGateway.Harness.Context.Runtime;

/// <summary>
/// The <c>name=value&amp;name=value</c> encoding shared by query strings and form bodies. Decoding turns <c>+</c>
/// into a space as form encoding does; encoding percent-encodes per RFC 3986, which both readers accept.
/// </summary>
internal static class UrlEncodedForm
{
    public static IEnumerable<KeyValuePair<string, string>> Parse(string encoded)
    {
        foreach (var pair in encoded.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=');
            var name = separator < 0 ? pair : pair[..separator];
            var value = separator < 0 ? "" : pair[(separator + 1)..];
            yield return new(WebUtility.UrlDecode(name), WebUtility.UrlDecode(value));
        }
    }

    /// <summary>The encoded pairs, one per value, or null when there are none.</summary>
    public static string? Format<TValues>(IEnumerable<KeyValuePair<string, TValues>>? pairs)
        where TValues : IEnumerable<string>
    {
        var builder = new StringBuilder();
        foreach (var (name, values) in pairs ?? [])
        {
            foreach (var value in values)
            {
                builder.Append(builder.Length == 0 ? "" : "&")
                    .Append(Uri.EscapeDataString(name))
                    .Append('=')
                    .Append(Uri.EscapeDataString(value));
            }
        }

        return builder.Length == 0 ? null : builder.ToString();
    }
}
