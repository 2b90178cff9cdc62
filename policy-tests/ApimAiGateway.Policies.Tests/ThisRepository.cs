using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Gateway.Loading;
using ApimAiGateway.Harness.NamedValues;

namespace ApimAiGateway.Policies.Tests;

/// <summary>
/// The repository's gateway as deployed (policies/, fragments/, named values, products, backends), read once for
/// every test; each test builds a fresh gateway from it, with its own clock, caches and counters.
/// </summary>
internal static class ThisRepository
{
    public static string Root { get; } = RepositoryRoot.Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("The tests do not run inside the repository.");

    private static readonly Lazy<GatewayLoadResult> Loaded = new(() => RepositoryGatewayLoader.Load(Root));

    /// <summary>
    /// Compiled expressions kept beside the test binaries: every test builds the same policies, so only the first
    /// build of a run (and of each set of named-value settings) compiles.
    /// </summary>
    public static string CompilationCache { get; } = Path.Combine(AppContext.BaseDirectory, "expression-cache");

    public static GatewayLoadResult Load() => Loaded.Value;

    /// <summary>The repository's blueprint, with a test's own named-value settings on top of policies/named-values.json.</summary>
    public static GatewayBlueprint Blueprint(IReadOnlyDictionary<string, string>? settings = null)
    {
        var loaded = Load();
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        if (settings is null || settings.Count == 0)
        {
            return loaded.Blueprint;
        }

        var overrides = settings.Select(s => new NamedValue(s.Key, s.Value, false, null, SourceLocation.StartOf("test settings")));
        var kept = loaded.Blueprint.NamedValues!.Values.Where(v => !settings.ContainsKey(v.Name));
        return loaded.Blueprint with { NamedValues = NamedValueSet.From(kept.Concat(overrides)) };
    }

    public static string NamedValue(string name) =>
        Load().Blueprint.NamedValues!.TryGet(name, out var value) ? value.Value : throw new InvalidOperationException($"Named value '{name}' is not declared.");
}
