using DotLiquid;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Templates;

/// <summary>
/// A JSON body as Liquid values: objects as hashes (member names as written, case-sensitive), arrays as lists,
/// scalars as .NET values. With parse-date on, date-like strings become DateTime values, which is what set-body's
/// <c>parse-date</c> attribute describes ("/Date(1198908717056)/", "2012-03-21T05:40Z" parsed to DateTime) and
/// what Json.NET's default date handling does.
/// </summary>
internal static class JsonLiquidModel
{
    public static object? Parse(string json, bool parseDate)
    {
        using var reader = new JsonTextReader(new StringReader(json))
        {
            DateParseHandling = parseDate ? DateParseHandling.DateTime : DateParseHandling.None,
            DateTimeZoneHandling = DateTimeZoneHandling.Utc,
        };
        var token = JToken.ReadFrom(reader);
        if (reader.Read() && reader.TokenType != JsonToken.Comment)
        {
            throw new JsonReaderException("Additional text follows the JSON value.");
        }

        return ToLiquid(token);
    }

    private static object? ToLiquid(JToken token) => token switch
    {
        JObject obj => ToHash(obj),
        JArray array => array.Select(ToLiquid).ToList(),
        JValue value => value.Value,
        _ => null,
    };

    private static Hash ToHash(JObject obj)
    {
        var hash = new Hash();
        foreach (var property in obj.Properties())
        {
            hash[property.Name] = ToLiquid(property.Value);
        }

        return hash;
    }
}
