using ApimAiGateway.Harness.Gateway;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Scenarios.Expectations;

/// <summary>Compares the gateway's answer with a step's expectations and lists every difference.</summary>
public static class ExpectationChecker
{
    public static IReadOnlyList<ExpectationFailure> Check(StepExpectation expected, GatewayResult actual)
    {
        var failures = new List<ExpectationFailure>();
        if (expected.Status is var (status, statusAt) && status != actual.StatusCode)
        {
            failures.Add(new ExpectationFailure(statusAt, "status", status.ToString(System.Globalization.CultureInfo.InvariantCulture), actual.ToString()));
        }

        foreach (var (name, expectation) in expected.Headers)
        {
            Compare($"header '{name}'", expectation, actual.Header(name) is { } value ? new JValue(value) : null, failures);
        }

        var json = actual.BodyJson;
        foreach (var (path, expectation) in expected.Body)
        {
            var found = json?.SelectTokens(path).ToList() ?? [];
            var value = found.Count switch { 0 => null, 1 => found[0], _ => new JArray(found) };
            Compare(json is null ? $"body {path} (the body is not JSON)" : $"body {path}", expectation, value, failures);
        }

        if (expected.BodyText is { } bodyText)
        {
            Compare("body", bodyText, actual.Body.Length == 0 ? null : new JValue(actual.BodyText), failures);
        }

        foreach (var (name, expectation) in expected.Variables)
        {
            Compare($"variable '{name}'", expectation, actual.Variables.TryGetValue(name, out var value) ? Reporting.GatewayResultFormatter.Json(value) : null, failures);
        }

        if (expected.BackendCalls is var (count, callsAt) && count != actual.BackendCalls.Count)
        {
            failures.Add(new ExpectationFailure(callsAt, "backend calls",
                count.ToString(System.Globalization.CultureInfo.InvariantCulture), actual.BackendCalls.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return failures;
    }

    private static void Compare(string subject, ValueExpectation expectation, JToken? actual, List<ExpectationFailure> failures)
    {
        if (!expectation.IsMetBy(actual))
        {
            failures.Add(new ExpectationFailure(expectation.Location, subject, expectation.Describe(), ValueExpectation.Show(actual)));
        }
    }
}
