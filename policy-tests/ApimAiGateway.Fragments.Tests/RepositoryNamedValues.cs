using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.NamedValues;

namespace ApimAiGateway.Fragments.Tests;

/// <summary>
/// The named values fragments are deployed with (policies/named-values.json), with a test's own settings on top, so
/// a test runs a fragment against its real defaults and changes only the setting it is about.
/// </summary>
internal static class RepositoryNamedValues
{
    public static NamedValueSet With(IReadOnlyDictionary<string, string>? overrides = null)
    {
        var loaded = NamedValueSet.Load(Path.Combine(FragmentFixture.RepositoryRoot, "policies", "named-values.json"));
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        var settings = (overrides ?? new Dictionary<string, string>())
            .Select(o => new NamedValue(o.Key, o.Value, false, null, SourceLocation.StartOf("test settings")));
        return NamedValueSet.From(loaded.Set.Values.Concat(settings));
    }
}
