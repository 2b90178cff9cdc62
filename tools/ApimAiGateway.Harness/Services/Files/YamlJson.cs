using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ApimAiGateway.Harness.Services.Files;

/// <summary>
/// Turns a YAML node into JSON. Quoted scalars are strings; plain scalars are typed as in YAML's JSON schema
/// (null, true/false, JSON numbers), so JSON read through the YAML parser comes back unchanged.
/// </summary>
internal static partial class YamlJson
{
    public static JToken From(YamlNode node) => node switch
    {
        YamlMappingNode map => ObjectFrom(map),
        YamlSequenceNode sequence => new JArray(sequence.Children.Select(From)),
        YamlScalarNode scalar => ScalarFrom(scalar),
        _ => JValue.CreateNull(),
    };

    private static JObject ObjectFrom(YamlMappingNode map)
    {
        var json = new JObject();
        foreach (var (key, value) in map.Children)
        {
            json[(key as YamlScalarNode)?.Value ?? key.ToString()] = From(value);
        }

        return json;
    }

    private static JValue ScalarFrom(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return new JValue(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => JValue.CreateNull(),
            "true" or "True" or "TRUE" => new JValue(true),
            "false" or "False" or "FALSE" => new JValue(false),
            _ when !JsonNumber().IsMatch(text) => new JValue(text),
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => new JValue(integer),
            _ => new JValue(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)),
        };
    }

    [GeneratedRegex(@"^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();
}
