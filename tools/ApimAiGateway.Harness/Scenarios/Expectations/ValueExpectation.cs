using System.Text.RegularExpressions;
using ApimAiGateway.Harness.Diagnostics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Scenarios.Expectations;

/// <summary>
/// What one value (a header, a JSONPath in the body, a variable) must be. Every condition set must hold; a value
/// that is absent meets only <c>exists: false</c>.
/// </summary>
public sealed record ValueExpectation(SourceLocation Location)
{
    public JToken? EqualTo { get; init; }

    /// <summary>A substring of a string, an element of an array, or a property name of an object.</summary>
    public JToken? Containing { get; init; }

    public Regex? Matching { get; init; }

    public bool? Exists { get; init; }

    public string Describe() => string.Join(" and ", Conditions());

    /// <returns>True when <paramref name="actual"/> (null: absent) meets every condition.</returns>
    public bool IsMetBy(JToken? actual)
    {
        if (Exists is { } exists && exists != actual is not null)
        {
            return false;
        }

        if (actual is null)
        {
            return EqualTo is null && Containing is null && Matching is null;
        }

        return (EqualTo is null || SameValue(EqualTo, actual))
               && (Containing is null || Contains(actual, Containing))
               && (Matching is null || Matching.IsMatch(TextOf(actual)));
    }

    /// <summary>A value as a report shows it: strings quoted, JSON compact, absence named.</summary>
    public static string Show(JToken? value) => value is null ? "(absent)" : value.ToString(Formatting.None);

    /// <summary>
    /// JSON equality, except that a string in the response equals an unquoted YAML scalar with the same text
    /// (headers are always strings; <c>x-count: 3</c> means the text "3").
    /// </summary>
    private static bool SameValue(JToken expected, JToken actual) =>
        JToken.DeepEquals(expected, actual)
        || (actual.Type == JTokenType.String && expected is JValue { Value: not null } scalar && TextOf(scalar) == (string?)actual);

    private static bool Contains(JToken actual, JToken part) => actual switch
    {
        JArray array => array.Any(item => SameValue(part, item)),
        JObject obj => obj.ContainsKey(TextOf(part)),
        _ => TextOf(actual).Contains(TextOf(part), StringComparison.Ordinal),
    };

    private static string TextOf(JToken token) => token is JValue { Value: { } value } && token.Type != JTokenType.Date
        ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty
        : token.ToString(Formatting.None);

    private IEnumerable<string> Conditions()
    {
        if (Exists is { } exists)
        {
            yield return exists ? "present" : "absent";
        }

        if (EqualTo is not null)
        {
            yield return Show(EqualTo);
        }

        if (Containing is not null)
        {
            yield return "containing " + Show(Containing);
        }

        if (Matching is not null)
        {
            yield return $"matching /{Matching}/";
        }
    }
}
