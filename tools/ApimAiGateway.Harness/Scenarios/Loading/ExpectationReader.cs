using System.Text.RegularExpressions;
using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Gateway.Loading;
using ApimAiGateway.Harness.Scenarios.Expectations;
using Newtonsoft.Json.Linq;
using YamlDotNet.RepresentationModel;

namespace ApimAiGateway.Harness.Scenarios.Loading;

/// <summary>Reads a step's <c>expect:</c> block; a value is a scalar (equals) or a map of equals/contains/matches/exists.</summary>
internal sealed class ExpectationReader(YamlReader reader)
{
    private static readonly string[] ExpectKeys = ["status", "headers", "body", "bodyText", "variables", "backendCalls"];
    private static readonly string[] ConditionKeys = ["equals", "contains", "matches", "exists"];

    public StepExpectation Read(YamlNode node)
    {
        if (reader.Map(node, "'expect'", ExpectKeys) is not { } map)
        {
            return new StepExpectation();
        }

        return new StepExpectation
        {
            Status = map.TryGetValue("status", out var status) && reader.Integer(status, "'status'", 100, 599) is { } code ? (code, reader.Locate(status)) : null,
            Headers = map.TryGetValue("headers", out var headers) ? Values(headers, "'headers'", _ => true) : [],
            Body = map.TryGetValue("body", out var body) ? Values(body, "'body'", IsJsonPath) : [],
            BodyText = map.TryGetValue("bodyText", out var text) ? Value(text) : null,
            Variables = map.TryGetValue("variables", out var variables) ? Values(variables, "'variables'", _ => true) : [],
            BackendCalls = map.TryGetValue("backendCalls", out var calls) && reader.Integer(calls, "'backendCalls'", 0, 1000) is { } count ? (count, reader.Locate(calls)) : null,
        };

        bool IsJsonPath((string Key, YamlNode KeyNode) entry)
        {
            try
            {
                _ = new JObject().SelectTokens(entry.Key).ToList();
                return true;
            }
            catch (Newtonsoft.Json.JsonException e)
            {
                reader.Report(ScenarioDiagnostics.InvalidPattern, entry.KeyNode, entry.Key, "JSONPath", e.Message);
                return false;
            }
        }
    }

    private List<KeyValuePair<string, ValueExpectation>> Values(YamlNode node, string what, Func<(string Key, YamlNode KeyNode), bool> keyIsValid)
    {
        var values = new List<KeyValuePair<string, ValueExpectation>>();
        foreach (var (key, keyNode, value) in reader.Named(node, what) ?? [])
        {
            if (keyIsValid((key, keyNode)) && Value(value) is { } expectation)
            {
                values.Add(KeyValuePair.Create(key, expectation));
            }
        }

        return values;
    }

    private ValueExpectation? Value(YamlNode node)
    {
        var expectation = new ValueExpectation(reader.Locate(node));
        if (node is not YamlMappingNode)
        {
            return expectation with { EqualTo = YamlReader.Json(node) };
        }

        if (reader.Map(node, "an expectation", ConditionKeys) is not { Count: > 0 } conditions)
        {
            reader.Report(ScenarioDiagnostics.WrongShape, node, "An expectation", "a value or a map of equals, contains, matches, exists");
            return null;
        }

        if (conditions.TryGetValue("exists", out var exists))
        {
            expectation = reader.Boolean(exists, "'exists'") is { } present ? expectation with { Exists = present } : expectation;
        }

        if (conditions.TryGetValue("matches", out var matches) && reader.Text(matches, "'matches'") is { } pattern)
        {
            try
            {
                expectation = expectation with { Matching = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)) };
            }
            catch (ArgumentException e)
            {
                reader.Report(ScenarioDiagnostics.InvalidPattern, matches, pattern, "regular expression", e.Message);
            }
        }

        return expectation with
        {
            EqualTo = conditions.TryGetValue("equals", out var equals) ? YamlReader.Json(equals) : null,
            Containing = conditions.TryGetValue("contains", out var contains) ? YamlReader.Json(contains) : null,
        };
    }
}
